CREATE TABLE `ai_tags` (
  `media_asset_id` int NOT NULL,
  `tag_id` int NOT NULL,
  `score` smallint NOT NULL,
  KEY `index_ai_tags_on_media_asset_id` (`media_asset_id`),
  KEY `index_ai_tags_on_score` (`score`),
  KEY `index_ai_tags_on_tag_id_and_score` (`tag_id`, `score`)
);

CREATE TABLE `api_keys` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `key` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `name` longtext NOT NULL DEFAULT (''),
  `permissions` json NOT NULL DEFAULT ('[]'),
  `permitted_ip_addresses` json NOT NULL DEFAULT ('[]'),
  `uses` int NOT NULL DEFAULT 0,
  `last_used_at` datetime(6),
  `last_ip_address` varchar(43),
  PRIMARY KEY (`id`),
  UNIQUE KEY `index_api_keys_on_key` (`key`),
  KEY `index_api_keys_on_user_id` (`user_id`),
  CONSTRAINT `fk_rails_32c28d0dc2` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `ar_internal_metadata` (
  `key` varchar(255) NOT NULL,
  `value` longtext,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`key`)
);

CREATE TABLE `artist_commentaries` (
  `id` int NOT NULL AUTO_INCREMENT,
  `post_id` int NOT NULL,
  `original_title` longtext NOT NULL DEFAULT (''),
  `original_description` longtext NOT NULL DEFAULT (''),
  `translated_title` longtext NOT NULL DEFAULT (''),
  `translated_description` longtext NOT NULL DEFAULT (''),
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_artist_commentaries_on_created_at` (`created_at`),
  UNIQUE KEY `index_artist_commentaries_on_post_id` (`post_id`),
  CONSTRAINT `fk_rails_6110874871` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`)
);

CREATE TABLE `artist_commentary_versions` (
  `id` int NOT NULL AUTO_INCREMENT,
  `post_id` int NOT NULL,
  `updater_id` bigint NOT NULL,
  `original_title` longtext NOT NULL DEFAULT (''),
  `original_description` longtext NOT NULL DEFAULT (''),
  `translated_title` longtext NOT NULL DEFAULT (''),
  `translated_description` longtext NOT NULL DEFAULT (''),
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_artist_commentary_versions_on_created_at` (`created_at`),
  KEY `index_artist_commentary_versions_on_post_id` (`post_id`),
  KEY `index_artist_commentary_versions_on_updater_id_and_created_at` (`updater_id`, `created_at`),
  KEY `index_artist_commentary_versions_on_updater_id_and_post_id` (`updater_id`, `post_id`),
  CONSTRAINT `fk_rails_3b1402ddb3` FOREIGN KEY (`updater_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_af197b3f45` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`)
);

CREATE TABLE `artist_urls` (
  `id` int NOT NULL AUTO_INCREMENT,
  `artist_id` int NOT NULL,
  `url` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `is_active` tinyint(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (`id`),
  KEY `index_artist_urls_on_artist_id` (`artist_id`),
  KEY `index_artist_urls_on_url` (`url`(255)),
  CONSTRAINT `fk_rails_e4e6c00d41` FOREIGN KEY (`artist_id`) REFERENCES `artists` (`id`)
);

CREATE TABLE `artist_versions` (
  `id` int NOT NULL AUTO_INCREMENT,
  `artist_id` int NOT NULL,
  `name` longtext NOT NULL,
  `updater_id` bigint NOT NULL,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  `group_name` longtext NOT NULL DEFAULT (''),
  `is_banned` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `other_names` json NOT NULL DEFAULT ('[]'),
  `urls` json NOT NULL DEFAULT ('[]'),
  PRIMARY KEY (`id`),
  KEY `index_artist_versions_on_artist_id` (`artist_id`),
  KEY `index_artist_versions_on_created_at` (`created_at`),
  KEY `index_artist_versions_on_name` (`name`(255)),
  KEY `index_artist_versions_on_updater_id` (`updater_id`),
  KEY `index_artist_versions_on_updater_id_and_created_at` (`updater_id`, `created_at`),
  CONSTRAINT `fk_rails_b1cda9510c` FOREIGN KEY (`artist_id`) REFERENCES `artists` (`id`),
  CONSTRAINT `fk_rails_f37d58ea23` FOREIGN KEY (`updater_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `artists` (
  `id` int NOT NULL AUTO_INCREMENT,
  `name` longtext NOT NULL,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  `is_banned` tinyint(1) NOT NULL DEFAULT 0,
  `group_name` longtext NOT NULL DEFAULT (''),
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `other_names` json NOT NULL DEFAULT ('[]'),
  PRIMARY KEY (`id`),
  KEY `index_artists_on_group_name` (`group_name`(255)),
  KEY `index_artists_on_is_banned` (`is_banned`),
  KEY `index_artists_on_is_deleted` (`is_deleted`),
  UNIQUE KEY `index_artists_on_name` (`name`)
);

CREATE TABLE `bans` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `reason` longtext NOT NULL,
  `banner_id` bigint NOT NULL,
  `duration` varchar(64) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_bans_on_banner_id` (`banner_id`),
  KEY `index_bans_on_created_at` (`created_at`),
  KEY `index_bans_on_duration` (`duration`),
  KEY `index_bans_on_user_id` (`user_id`),
  KEY `index_bans_on_user_id_and_created_at` (`user_id`, `created_at`),
  CONSTRAINT `fk_rails_070022cd76` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_2234692cb1` FOREIGN KEY (`banner_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `bulk_update_requests` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `forum_topic_id` int,
  `script` longtext NOT NULL,
  `status` longtext NOT NULL DEFAULT ('pending'),
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `approver_id` bigint,
  `forum_post_id` int,
  `tags` json NOT NULL DEFAULT ('[]'),
  PRIMARY KEY (`id`),
  KEY `index_bulk_update_requests_on_created_at` (`created_at`),
  KEY `index_bulk_update_requests_on_forum_post_id` (`forum_post_id`),
  KEY `index_bulk_update_requests_on_user_id_and_created_at` (`user_id`, `created_at`),
  CONSTRAINT `fk_rails_1773ada54d` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_22b3b2a525` FOREIGN KEY (`forum_post_id`) REFERENCES `forum_posts` (`id`),
  CONSTRAINT `fk_rails_87084cb039` FOREIGN KEY (`approver_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_ad41b77f74` FOREIGN KEY (`forum_topic_id`) REFERENCES `forum_topics` (`id`)
);

CREATE TABLE `comment_votes` (
  `id` int NOT NULL AUTO_INCREMENT,
  `comment_id` int NOT NULL,
  `user_id` bigint NOT NULL,
  `score` int NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_comment_votes_on_comment_id` (`comment_id`),
  KEY `index_comment_votes_on_created_at` (`created_at`),
  KEY `index_comment_votes_on_is_deleted` (`is_deleted`),
  KEY `index_comment_votes_on_user_id` (`user_id`),
  KEY `index_comment_votes_on_user_id_and_created_at` (`user_id`, `created_at`),
  CONSTRAINT `fk_rails_0873e64a40` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_a0196e2ef9` FOREIGN KEY (`comment_id`) REFERENCES `comments` (`id`)
);

CREATE TABLE `comments` (
  `id` int NOT NULL AUTO_INCREMENT,
  `post_id` int NOT NULL,
  `creator_id` bigint NOT NULL,
  `body` longtext NOT NULL,
  `score` int NOT NULL DEFAULT 0,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `updater_id` bigint,
  `do_not_bump_post` tinyint(1) NOT NULL DEFAULT 0,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  `is_sticky` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_comments_on_created_at` (`created_at`),
  KEY `index_comments_on_creator_id_and_created_at` (`creator_id`, `created_at`),
  KEY `index_comments_on_creator_id_and_post_id` (`creator_id`, `post_id`),
  KEY `index_comments_on_do_not_bump_post` (`do_not_bump_post`),
  KEY `index_comments_on_is_deleted` (`is_deleted`),
  KEY `index_comments_on_is_sticky` (`is_sticky`),
  KEY `index_comments_on_post_id` (`post_id`),
  KEY `index_comments_on_score` (`score`),
  KEY `index_comments_on_updater_id` (`updater_id`),
  CONSTRAINT `fk_rails_2fd19c0db7` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`),
  CONSTRAINT `fk_rails_4b8a638a8b` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_56c1cf09bc` FOREIGN KEY (`updater_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `dmails` (
  `id` int NOT NULL AUTO_INCREMENT,
  `owner_id` bigint NOT NULL,
  `from_id` bigint NOT NULL,
  `to_id` bigint NOT NULL,
  `title` longtext NOT NULL,
  `body` longtext NOT NULL,
  `is_read` tinyint(1) NOT NULL DEFAULT 0,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `is_spam` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_dmails_on_created_at` (`created_at`),
  KEY `index_dmails_on_from_id` (`from_id`),
  KEY `index_dmails_on_is_deleted` (`is_deleted`),
  KEY `index_dmails_on_is_read` (`is_read`),
  KEY `index_dmails_on_owner_id` (`owner_id`),
  KEY `index_sent_dmails_on_owner_id_and_created_at` (`owner_id`, `created_at`),
  CONSTRAINT `fk_rails_22dbb958ad` FOREIGN KEY (`from_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_46910c4d2c` FOREIGN KEY (`to_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_c303efc12e` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `dtext_links` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `model_type` longtext NOT NULL,
  `model_id` bigint NOT NULL,
  `link_type` int NOT NULL,
  `link_target` longtext NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_dtext_links_on_link_target` (`link_target`(255)),
  KEY `index_dtext_links_on_link_type` (`link_type`),
  KEY `index_dtext_links_on_model_type_and_model_id` (`model_type`(255), `model_id`)
);

CREATE TABLE `email_addresses` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `user_id` bigint NOT NULL,
  `address` longtext NOT NULL,
  `normalized_address` longtext NOT NULL,
  `is_verified` tinyint(1) NOT NULL DEFAULT 0,
  `is_deliverable` tinyint(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (`id`),
  KEY `index_email_addresses_on_address` (`address`(255)),
  KEY `index_email_addresses_on_created_at` (`created_at`),
  KEY `index_email_addresses_on_is_deliverable` (`is_deliverable`),
  KEY `index_email_addresses_on_is_verified` (`is_verified`),
  UNIQUE KEY `index_email_addresses_on_normalize_address_unique` (`normalized_address`),
  KEY `index_email_addresses_on_normalized_address` (`normalized_address`(255)),
  UNIQUE KEY `index_email_addresses_on_user_id` (`user_id`),
  CONSTRAINT `fk_rails_de643267e7` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `favorite_groups` (
  `id` int NOT NULL AUTO_INCREMENT,
  `name` longtext NOT NULL,
  `creator_id` bigint NOT NULL,
  `post_ids` json NOT NULL DEFAULT ('[]'),
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `is_public` tinyint(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (`id`),
  KEY `index_favorite_groups_on_created_at` (`created_at`),
  KEY `index_favorite_groups_on_created_at_id_is_public_creator_id` (`created_at`, `id`, `is_public`, `creator_id`),
  KEY `index_favorite_groups_on_creator_id` (`creator_id`),
  KEY `index_favorite_groups_on_is_public` (`is_public`),
  CONSTRAINT `fk_rails_796204a5e3` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `favorites` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `post_id` int NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_favorites_on_post_id` (`post_id`),
  KEY `index_favorites_on_user_id_and_id` (`user_id`, `id`),
  UNIQUE KEY `index_favorites_on_user_id_and_post_id` (`user_id`, `post_id`),
  CONSTRAINT `fk_rails_d15744e438` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_dcaf44a136` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`)
);

CREATE TABLE `forum_post_votes` (
  `id` int NOT NULL AUTO_INCREMENT,
  `forum_post_id` int NOT NULL,
  `creator_id` bigint NOT NULL,
  `score` int NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_forum_post_votes_on_created_at` (`created_at`),
  KEY `index_forum_post_votes_on_creator_id_and_created_at` (`creator_id`, `created_at`),
  KEY `index_forum_post_votes_on_forum_post_id` (`forum_post_id`),
  UNIQUE KEY `index_forum_post_votes_on_forum_post_id_and_creator_id` (`forum_post_id`, `creator_id`),
  CONSTRAINT `fk_rails_43fb736f24` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_5c3f90ef3f` FOREIGN KEY (`forum_post_id`) REFERENCES `forum_posts` (`id`)
);

CREATE TABLE `forum_posts` (
  `id` int NOT NULL AUTO_INCREMENT,
  `topic_id` int NOT NULL,
  `creator_id` bigint NOT NULL,
  `updater_id` bigint NOT NULL,
  `body` longtext NOT NULL,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_forum_posts_on_created_at` (`created_at`),
  KEY `index_forum_posts_on_creator_id` (`creator_id`),
  KEY `index_forum_posts_on_creator_id_and_created_at` (`creator_id`, `created_at`),
  KEY `index_forum_posts_on_topic_id` (`topic_id`),
  KEY `index_forum_posts_on_topic_id_and_id` (`topic_id`, `id`),
  KEY `index_forum_posts_on_updated_at` (`updated_at`),
  CONSTRAINT `fk_rails_2ddd2b5687` FOREIGN KEY (`topic_id`) REFERENCES `forum_topics` (`id`),
  CONSTRAINT `fk_rails_5badbb08d8` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_eef947df00` FOREIGN KEY (`updater_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `forum_topic_visits` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `forum_topic_id` int NOT NULL,
  `last_read_at` datetime(6) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_forum_topic_visits_on_forum_topic_id` (`forum_topic_id`),
  KEY `index_forum_topic_visits_on_last_read_at` (`last_read_at`),
  KEY `index_forum_topic_visits_on_user_id` (`user_id`),
  CONSTRAINT `fk_rails_2c7f47773d` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_b19b04be70` FOREIGN KEY (`forum_topic_id`) REFERENCES `forum_topics` (`id`)
);

CREATE TABLE `forum_topics` (
  `id` int NOT NULL AUTO_INCREMENT,
  `creator_id` bigint NOT NULL,
  `updater_id` bigint NOT NULL,
  `title` longtext NOT NULL,
  `response_count` int NOT NULL DEFAULT 0,
  `is_sticky` tinyint(1) NOT NULL DEFAULT 0,
  `is_locked` tinyint(1) NOT NULL DEFAULT 0,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `category_id` int NOT NULL DEFAULT 0,
  `min_level` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_forum_topics_on_created_at` (`created_at`),
  KEY `index_forum_topics_on_creator_id` (`creator_id`),
  KEY `index_forum_topics_on_creator_id_and_created_at` (`creator_id`, `created_at`),
  KEY `index_forum_topics_on_is_sticky_and_updated_at` (`is_sticky`, `updated_at`),
  KEY `index_forum_topics_on_updated_at` (`updated_at`),
  CONSTRAINT `fk_rails_53d4e863cd` FOREIGN KEY (`updater_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_a0e236112e` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `good_job_batches` (
  `id` char(36) NOT NULL DEFAULT (UUID()),
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `description` longtext,
  `serialized_properties` json,
  `on_finish` longtext,
  `on_success` longtext,
  `on_discard` longtext,
  `callback_queue_name` longtext,
  `callback_priority` int,
  `enqueued_at` datetime(6),
  `discarded_at` datetime(6),
  `finished_at` datetime(6),
  `jobs_finished_at` datetime(6),
  PRIMARY KEY (`id`)
);

CREATE TABLE `good_job_executions` (
  `id` char(36) NOT NULL DEFAULT (UUID()),
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `active_job_id` char(36) NOT NULL,
  `job_class` longtext,
  `queue_name` longtext,
  `serialized_params` json,
  `scheduled_at` datetime(6),
  `finished_at` datetime(6),
  `error` longtext,
  `error_event` smallint,
  `error_backtrace` json,
  `process_id` char(36),
  `duration` varchar(64),
  PRIMARY KEY (`id`),
  KEY `index_good_job_executions_on_active_job_id_and_created_at` (`active_job_id`, `created_at`),
  KEY `index_good_job_executions_on_process_id_and_created_at` (`process_id`, `created_at`)
);

CREATE TABLE `good_job_processes` (
  `id` char(36) NOT NULL DEFAULT (UUID()),
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `state` json,
  `lock_type` smallint,
  PRIMARY KEY (`id`)
);

CREATE TABLE `good_job_settings` (
  `id` char(36) NOT NULL DEFAULT (UUID()),
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `key` longtext,
  `value` json,
  PRIMARY KEY (`id`),
  UNIQUE KEY `index_good_job_settings_on_key` (`key`)
);

CREATE TABLE `good_jobs` (
  `id` char(36) NOT NULL DEFAULT (UUID()),
  `queue_name` longtext,
  `priority` int,
  `serialized_params` json,
  `scheduled_at` datetime(6),
  `performed_at` datetime(6),
  `finished_at` datetime(6),
  `error` longtext,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `active_job_id` char(36),
  `concurrency_key` longtext,
  `cron_key` longtext,
  `retried_good_job_id` char(36),
  `cron_at` datetime(6),
  `batch_id` char(36),
  `batch_callback_id` char(36),
  `is_discrete` tinyint(1),
  `executions_count` int,
  `job_class` longtext,
  `error_event` smallint,
  `labels` json,
  `locked_by_id` char(36),
  `locked_at` datetime(6),
  PRIMARY KEY (`id`),
  KEY `index_good_job_jobs_for_candidate_lookup` (`priority`, `created_at`),
  KEY `index_good_jobs_jobs_on_finished_at_only` (`finished_at`),
  KEY `index_good_jobs_jobs_on_priority_created_at_when_unfinished` (`priority` DESC, `created_at`),
  KEY `index_good_jobs_on_active_job_id_and_created_at` (`active_job_id`, `created_at`),
  KEY `index_good_jobs_on_batch_callback_id` (`batch_callback_id`),
  KEY `index_good_jobs_on_batch_id` (`batch_id`),
  KEY `index_good_jobs_on_concurrency_key_and_created_at` (`concurrency_key`(255), `created_at`),
  KEY `index_good_jobs_on_concurrency_key_when_unfinished` (`concurrency_key`(255)),
  KEY `index_good_jobs_on_cron_key_and_created_at_cond` (`cron_key`(255), `created_at`),
  KEY `index_good_jobs_on_job_class` (`job_class`(255)),
  KEY `index_good_jobs_on_locked_by_id` (`locked_by_id`),
  KEY `index_good_jobs_on_priority_scheduled_at_unfinished_unlocked` (`priority`, `scheduled_at`),
  KEY `index_good_jobs_on_queue_name_and_scheduled_at` (`queue_name`(255), `scheduled_at`),
  KEY `index_good_jobs_on_scheduled_at` (`scheduled_at`)
);

CREATE TABLE `ip_bans` (
  `id` int NOT NULL AUTO_INCREMENT,
  `creator_id` bigint NOT NULL,
  `ip_addr` varchar(43) NOT NULL,
  `reason` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  `category` int NOT NULL DEFAULT 0,
  `hit_count` int NOT NULL DEFAULT 0,
  `last_hit_at` datetime(6),
  PRIMARY KEY (`id`),
  KEY `index_ip_bans_on_category` (`category`),
  KEY `index_ip_bans_on_ip_addr` (`ip_addr`),
  KEY `index_ip_bans_on_is_deleted` (`is_deleted`),
  CONSTRAINT `fk_rails_73e3027d29` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `ip_geolocations` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `ip_addr` varchar(43) NOT NULL,
  `network` varchar(43),
  `asn` int,
  `is_proxy` tinyint(1) NOT NULL,
  `latitude` double,
  `longitude` double,
  `organization` longtext,
  `time_zone` longtext,
  `continent` longtext,
  `country` longtext,
  `region` longtext,
  `city` longtext,
  `carrier` longtext,
  PRIMARY KEY (`id`),
  KEY `index_ip_geolocations_on_asn` (`asn`),
  KEY `index_ip_geolocations_on_carrier` (`carrier`(255)),
  KEY `index_ip_geolocations_on_city` (`city`(255)),
  KEY `index_ip_geolocations_on_continent` (`continent`(255)),
  KEY `index_ip_geolocations_on_country` (`country`(255)),
  KEY `index_ip_geolocations_on_created_at` (`created_at`),
  UNIQUE KEY `index_ip_geolocations_on_ip_addr` (`ip_addr`),
  KEY `index_ip_geolocations_on_is_proxy` (`is_proxy`),
  KEY `index_ip_geolocations_on_latitude` (`latitude`),
  KEY `index_ip_geolocations_on_longitude` (`longitude`),
  KEY `index_ip_geolocations_on_network` (`network`),
  KEY `index_ip_geolocations_on_organization` (`organization`(255)),
  KEY `index_ip_geolocations_on_region` (`region`(255)),
  KEY `index_ip_geolocations_on_time_zone` (`time_zone`(255)),
  KEY `index_ip_geolocations_on_updated_at` (`updated_at`)
);

CREATE TABLE `login_sessions` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `user_id` bigint NOT NULL,
  `login_id` char(36) NOT NULL,
  `session_id` char(36) NOT NULL,
  `status` int NOT NULL,
  `last_seen_at` datetime(6),
  PRIMARY KEY (`id`),
  KEY `index_login_sessions_on_created_at_and_id` (`created_at`, `id`),
  KEY `index_login_sessions_on_last_seen_at_and_id` (`last_seen_at`, `id`),
  UNIQUE KEY `index_login_sessions_on_login_id` (`login_id`),
  KEY `index_login_sessions_on_session_id` (`session_id`),
  KEY `index_login_sessions_on_status` (`status`),
  KEY `index_login_sessions_on_updated_at_and_id` (`updated_at`, `id`),
  KEY `index_login_sessions_on_user_id` (`user_id`),
  CONSTRAINT `fk_rails_8c949dd2cd` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `media_assets` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `md5` longtext NOT NULL,
  `file_ext` longtext NOT NULL,
  `file_size` int NOT NULL,
  `image_width` int NOT NULL,
  `image_height` int NOT NULL,
  `duration` double,
  `status` int NOT NULL DEFAULT 200,
  `file_key` longtext NOT NULL,
  `is_public` tinyint(1) NOT NULL DEFAULT 1,
  `pixel_hash` char(36) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_media_assets_on_created_at` (`created_at`),
  KEY `index_media_assets_on_duration` (`duration`),
  KEY `index_media_assets_on_file_ext` (`file_ext`(255)),
  UNIQUE KEY `index_media_assets_on_file_key` (`file_key`),
  KEY `index_media_assets_on_file_size` (`file_size`),
  KEY `index_media_assets_on_image_height` (`image_height`),
  KEY `index_media_assets_on_image_width` (`image_width`),
  KEY `index_media_assets_on_is_public` (`is_public`),
  KEY `index_media_assets_on_md5` (`md5`(255)),
  KEY `index_media_assets_on_pixel_hash` (`pixel_hash`),
  KEY `index_media_assets_on_status` (`status`),
  KEY `index_media_assets_on_updated_at` (`updated_at`)
);

CREATE TABLE `media_metadata` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `media_asset_id` bigint NOT NULL,
  `metadata` json NOT NULL DEFAULT ('"{}"'),
  PRIMARY KEY (`id`),
  UNIQUE KEY `index_media_metadata_on_media_asset_id` (`media_asset_id`),
  CONSTRAINT `fk_rails_93a4b916bd` FOREIGN KEY (`media_asset_id`) REFERENCES `media_assets` (`id`)
);

CREATE TABLE `mod_actions` (
  `id` int NOT NULL AUTO_INCREMENT,
  `creator_id` bigint NOT NULL,
  `description` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `category` int NOT NULL,
  `subject_type` longtext,
  `subject_id` int,
  PRIMARY KEY (`id`),
  KEY `index_mod_actions_on_category` (`category`),
  KEY `index_mod_actions_on_created_at` (`created_at`),
  KEY `index_mod_actions_on_creator_id` (`creator_id`),
  KEY `index_mod_actions_on_creator_id_and_created_at` (`creator_id`, `created_at`),
  KEY `index_mod_actions_on_subject_id` (`subject_id`),
  KEY `index_mod_actions_on_subject_type` (`subject_type`(255)),
  CONSTRAINT `fk_rails_290059ebb5` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `moderation_reports` (
  `id` int NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `model_type` longtext NOT NULL,
  `model_id` int NOT NULL,
  `creator_id` bigint NOT NULL,
  `reason` longtext NOT NULL,
  `status` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_moderation_reports_on_created_at` (`created_at`),
  KEY `index_moderation_reports_on_creator_id` (`creator_id`),
  KEY `index_moderation_reports_on_creator_id_and_created_at` (`creator_id`, `created_at`),
  KEY `index_moderation_reports_on_model_type_and_model_id` (`model_type`(255), `model_id`),
  KEY `index_moderation_reports_on_status` (`status`),
  CONSTRAINT `fk_rails_7221bfc52f` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `news_updates` (
  `id` int NOT NULL AUTO_INCREMENT,
  `message` longtext NOT NULL,
  `creator_id` bigint NOT NULL,
  `updater_id` bigint NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  `duration` varchar(64) NOT NULL DEFAULT '14 days',
  PRIMARY KEY (`id`),
  KEY `index_news_updates_on_created_at` (`created_at`),
  CONSTRAINT `fk_rails_502e0a41d1` FOREIGN KEY (`updater_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_c008307ac5` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `note_versions` (
  `id` int NOT NULL AUTO_INCREMENT,
  `note_id` int NOT NULL,
  `post_id` int NOT NULL,
  `updater_id` bigint NOT NULL,
  `x` int NOT NULL,
  `y` int NOT NULL,
  `width` int NOT NULL,
  `height` int NOT NULL,
  `is_active` tinyint(1) NOT NULL DEFAULT 1,
  `body` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `version` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_note_versions_on_created_at` (`created_at`),
  KEY `index_note_versions_on_note_id` (`note_id`),
  KEY `index_note_versions_on_post_id` (`post_id`),
  KEY `index_note_versions_on_updater_id_and_created_at` (`updater_id`, `created_at`),
  KEY `index_note_versions_on_updater_id_and_post_id` (`updater_id`, `post_id`),
  CONSTRAINT `fk_rails_611f87a5ae` FOREIGN KEY (`note_id`) REFERENCES `notes` (`id`),
  CONSTRAINT `fk_rails_71b80cd026` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`),
  CONSTRAINT `fk_rails_e4a6971555` FOREIGN KEY (`updater_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `notes` (
  `id` int NOT NULL AUTO_INCREMENT,
  `post_id` int NOT NULL,
  `x` int NOT NULL,
  `y` int NOT NULL,
  `width` int NOT NULL,
  `height` int NOT NULL,
  `is_active` tinyint(1) NOT NULL DEFAULT 1,
  `body` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `version` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_notes_on_post_id` (`post_id`),
  CONSTRAINT `fk_rails_a167a78679` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`)
);

CREATE TABLE `pool_versions` (
  `id` int NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6),
  `updated_at` datetime(6),
  `pool_id` int NOT NULL,
  `updater_id` int,
  `version` int NOT NULL DEFAULT 1,
  `name` longtext,
  `description` longtext,
  `category` longtext,
  `is_active` tinyint(1) NOT NULL DEFAULT 1,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  `description_changed` tinyint(1) NOT NULL DEFAULT 0,
  `name_changed` tinyint(1) NOT NULL DEFAULT 0,
  `post_ids` json NOT NULL DEFAULT ('[]'),
  `added_post_ids` json NOT NULL DEFAULT ('[]'),
  `removed_post_ids` json NOT NULL DEFAULT ('[]'),
  `boolean` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_pool_versions_on_created_at` (`created_at`),
  KEY `index_pool_versions_on_description_changed` (`description_changed`),
  KEY `index_pool_versions_on_name_changed` (`name_changed`),
  KEY `index_pool_versions_on_pool_id` (`pool_id`),
  KEY `index_pool_versions_on_updated_at` (`updated_at`),
  KEY `index_pool_versions_on_updater_id` (`updater_id`)
);

CREATE TABLE `pools` (
  `id` int NOT NULL AUTO_INCREMENT,
  `name` longtext NOT NULL,
  `description` longtext,
  `is_active` tinyint(1) NOT NULL DEFAULT 1,
  `post_ids` json NOT NULL DEFAULT ('[]'),
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `category` longtext NOT NULL DEFAULT ('series'),
  PRIMARY KEY (`id`),
  KEY `index_pools_on_category` (`category`(255)),
  KEY `index_pools_on_is_deleted` (`is_deleted`),
  KEY `index_pools_on_updated_at` (`updated_at`)
);

CREATE TABLE `post_appeals` (
  `id` int NOT NULL AUTO_INCREMENT,
  `post_id` int NOT NULL,
  `creator_id` bigint NOT NULL,
  `reason` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `status` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_post_appeals_on_created_at` (`created_at`),
  KEY `index_post_appeals_on_creator_id` (`creator_id`),
  KEY `index_post_appeals_on_creator_id_and_created_at` (`creator_id`, `created_at`),
  KEY `index_post_appeals_on_post_id` (`post_id`),
  KEY `index_post_appeals_on_status` (`status`),
  CONSTRAINT `fk_rails_2794bb6745` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_4153b9e5a4` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`)
);

CREATE TABLE `post_approvals` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `post_id` int NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_post_approvals_on_created_at` (`created_at`),
  KEY `index_post_approvals_on_post_id` (`post_id`),
  KEY `index_post_approvals_on_user_id` (`user_id`),
  KEY `index_post_approvals_on_user_id_and_created_at` (`user_id`, `created_at`),
  CONSTRAINT `fk_rails_4cda56c76c` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_74f76ef71e` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`)
);

CREATE TABLE `post_disapprovals` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `post_id` int NOT NULL,
  `created_at` datetime(6),
  `updated_at` datetime(6),
  `reason` longtext NOT NULL,
  `message` longtext,
  PRIMARY KEY (`id`),
  KEY `index_post_disapprovals_on_created_at` (`created_at`),
  KEY `index_post_disapprovals_on_post_id` (`post_id`),
  KEY `index_post_disapprovals_on_user_id` (`user_id`),
  KEY `index_post_disapprovals_on_user_id_and_created_at` (`user_id`, `created_at`),
  UNIQUE KEY `index_post_disapprovals_on_user_id_and_post_id` (`user_id`, `post_id`),
  CONSTRAINT `fk_rails_408a205f48` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`),
  CONSTRAINT `fk_rails_e6a71f8147` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `post_flags` (
  `id` int NOT NULL AUTO_INCREMENT,
  `post_id` int NOT NULL,
  `creator_id` bigint NOT NULL,
  `reason` longtext NOT NULL,
  `is_resolved` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `status` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_post_flags_on_created_at` (`created_at`),
  KEY `index_post_flags_on_creator_id` (`creator_id`),
  KEY `index_post_flags_on_creator_id_and_created_at` (`creator_id`, `created_at`),
  KEY `index_post_flags_on_post_id` (`post_id`),
  KEY `index_post_flags_on_status` (`status`),
  CONSTRAINT `fk_rails_4a92b4b725` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`),
  CONSTRAINT `fk_rails_68fe8072b5` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `post_replacements` (
  `id` int NOT NULL AUTO_INCREMENT,
  `post_id` int NOT NULL,
  `creator_id` bigint NOT NULL,
  `original_url` longtext NOT NULL,
  `replacement_url` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `old_file_ext` longtext,
  `old_file_size` int,
  `old_image_width` int,
  `old_image_height` int,
  `old_md5` longtext,
  `file_ext` longtext,
  `file_size` int,
  `image_width` int,
  `image_height` int,
  `md5` longtext,
  `media_asset_id` bigint,
  `old_media_asset_id` bigint,
  PRIMARY KEY (`id`),
  KEY `index_post_replacements_on_created_at` (`created_at`),
  KEY `index_post_replacements_on_creator_id` (`creator_id`),
  KEY `index_post_replacements_on_creator_id_and_created_at` (`creator_id`, `created_at`),
  KEY `index_post_replacements_on_md5` (`md5`(255)),
  KEY `index_post_replacements_on_media_asset_id` (`media_asset_id`),
  KEY `index_post_replacements_on_old_md5` (`old_md5`(255)),
  KEY `index_post_replacements_on_old_media_asset_id` (`old_media_asset_id`),
  KEY `index_post_replacements_on_post_id` (`post_id`),
  CONSTRAINT `fk_rails_286111af77` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`),
  CONSTRAINT `fk_rails_317818fc2f` FOREIGN KEY (`media_asset_id`) REFERENCES `media_assets` (`id`),
  CONSTRAINT `fk_rails_3ddcb25767` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_5077102432` FOREIGN KEY (`old_media_asset_id`) REFERENCES `media_assets` (`id`)
);

CREATE TABLE `posts` (
  `id` int NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `up_score` int NOT NULL DEFAULT 0,
  `down_score` int NOT NULL DEFAULT 0,
  `score` int NOT NULL DEFAULT 0,
  `source` longtext NOT NULL DEFAULT (''),
  `md5` longtext NOT NULL,
  `rating` char(1) NOT NULL DEFAULT 'q',
  `is_pending` tinyint(1) NOT NULL DEFAULT 0,
  `is_flagged` tinyint(1) NOT NULL DEFAULT 0,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  `uploader_id` bigint NOT NULL,
  `approver_id` bigint,
  `last_noted_at` datetime(6),
  `last_comment_bumped_at` datetime(6),
  `fav_count` int NOT NULL DEFAULT 0,
  `tag_string` longtext NOT NULL DEFAULT (''),
  `tag_count` int NOT NULL DEFAULT 0,
  `tag_count_general` int NOT NULL DEFAULT 0,
  `tag_count_artist` int NOT NULL DEFAULT 0,
  `tag_count_character` int NOT NULL DEFAULT 0,
  `tag_count_copyright` int NOT NULL DEFAULT 0,
  `file_ext` longtext NOT NULL,
  `file_size` int NOT NULL,
  `image_width` int NOT NULL,
  `image_height` int NOT NULL,
  `parent_id` int,
  `has_children` tinyint(1) NOT NULL DEFAULT 0,
  `is_banned` tinyint(1) NOT NULL DEFAULT 0,
  `pixiv_id` int,
  `last_commented_at` datetime(6),
  `has_active_children` tinyint(1) DEFAULT 0,
  `bit_flags` bigint NOT NULL DEFAULT 0,
  `tag_count_meta` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_posts_on_approver_id` (`approver_id`),
  KEY `index_posts_on_created_at` (`created_at`),
  KEY `index_posts_on_is_deleted` (`is_deleted`),
  KEY `index_posts_on_is_flagged` (`is_flagged`),
  KEY `index_posts_on_is_pending` (`is_pending`),
  KEY `index_posts_on_last_comment_bumped_at` (`last_comment_bumped_at` DESC),
  KEY `index_posts_on_last_noted_at` (`last_noted_at` DESC),
  UNIQUE KEY `index_posts_on_md5` (`md5`),
  KEY `index_posts_on_parent_id` (`parent_id`),
  KEY `index_posts_on_pixiv_id` (`pixiv_id`),
  KEY `index_posts_on_rating` (`rating`),
  KEY `index_posts_on_uploader_id` (`uploader_id`),
  KEY `index_posts_on_uploader_id_and_created_at` (`uploader_id`, `created_at`),
  CONSTRAINT `fk_rails_299f071108` FOREIGN KEY (`uploader_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_3eb11ec3aa` FOREIGN KEY (`parent_id`) REFERENCES `posts` (`id`),
  CONSTRAINT `fk_rails_f23dabc609` FOREIGN KEY (`approver_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `post_versions` (
  `id` int NOT NULL AUTO_INCREMENT,
  `updated_at` datetime(6) NOT NULL,
  `post_id` int NOT NULL,
  `updater_id` int,
  `version` int NOT NULL DEFAULT 1,
  `parent_changed` tinyint(1) NOT NULL DEFAULT 0,
  `rating_changed` tinyint(1) NOT NULL DEFAULT 0,
  `source_changed` tinyint(1) NOT NULL DEFAULT 0,
  `parent_id` int,
  `rating` varchar(1),
  `source` longtext,
  `tags` longtext NOT NULL,
  `added_tags` json NOT NULL DEFAULT ('[]'),
  `removed_tags` json NOT NULL DEFAULT ('[]'),
  PRIMARY KEY (`id`),
  KEY `index_post_versions_on_parent_changed` (`parent_changed`),
  KEY `index_post_versions_on_post_id` (`post_id`),
  KEY `index_post_versions_on_rating_changed` (`rating_changed`),
  KEY `index_post_versions_on_source_changed` (`source_changed`),
  KEY `index_post_versions_on_updated_at` (`updated_at`),
  KEY `index_post_versions_on_updater_id` (`updater_id`),
  KEY `index_post_versions_on_version` (`version`),
  KEY `index_post_versons_on_updater_id_and_id` (`updater_id`, `id`)
);

CREATE TABLE `post_votes` (
  `id` int NOT NULL AUTO_INCREMENT,
  `post_id` int NOT NULL,
  `user_id` bigint NOT NULL,
  `score` int NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `is_deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_post_votes_on_created_at` (`created_at`),
  KEY `index_post_votes_on_is_deleted` (`is_deleted`),
  KEY `index_post_votes_on_post_id` (`post_id`),
  KEY `index_post_votes_on_user_id` (`user_id`),
  KEY `index_post_votes_on_user_id_and_created_at` (`user_id`, `created_at`),
  CONSTRAINT `fk_rails_b550730fb8` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`),
  CONSTRAINT `fk_rails_f3edc07390` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `rate_limits` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `limited` tinyint(1) NOT NULL DEFAULT 0,
  `points` double NOT NULL,
  `action` longtext NOT NULL,
  `key` longtext NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `index_rate_limits_on_key_and_action` (`key`, `action`)
);

CREATE TABLE `reactions` (
  `id` int NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `creator_id` int NOT NULL,
  `reaction_id` int NOT NULL,
  `model_type` longtext NOT NULL,
  `model_id` int NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_reactions_on_creator_id` (`creator_id`),
  KEY `index_reactions_on_model` (`model_type`(255), `model_id`),
  UNIQUE KEY `index_reactions_on_model_creator_reaction` (`model_type`, `model_id`, `creator_id`, `reaction_id`)
);

CREATE TABLE `saved_searches` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `query` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `labels` json NOT NULL DEFAULT ('[]'),
  PRIMARY KEY (`id`),
  KEY `index_saved_searches_on_created_at` (`created_at`),
  KEY `index_saved_searches_on_query` (`query`(255)),
  KEY `index_saved_searches_on_user_id` (`user_id`),
  KEY `index_saved_searches_on_user_id_and_created_at` (`user_id`, `created_at`),
  CONSTRAINT `fk_rails_63c5382842` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `schema_migrations` (
  `version` varchar(16) NOT NULL,
  PRIMARY KEY (`version`)
);

CREATE TABLE `site_credentials` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `site` int NOT NULL,
  `creator_id` bigint NOT NULL,
  `is_enabled` tinyint(1) NOT NULL DEFAULT 1,
  `is_public` tinyint(1) NOT NULL DEFAULT 1,
  `status` int NOT NULL DEFAULT 0,
  `usage_count` int NOT NULL DEFAULT 0,
  `error_count` int NOT NULL DEFAULT 0,
  `last_used_at` datetime(6),
  `last_error_at` datetime(6),
  `credential` json NOT NULL DEFAULT ('{}'),
  `metadata` json NOT NULL DEFAULT ('{}'),
  PRIMARY KEY (`id`),
  KEY `index_site_credentials_on_creator_id` (`creator_id`),
  KEY `index_site_credentials_on_error_count` (`error_count`),
  KEY `index_site_credentials_on_is_enabled` (`is_enabled`),
  KEY `index_site_credentials_on_is_public` (`is_public`),
  KEY `index_site_credentials_on_last_error_at` (`last_error_at`),
  KEY `index_site_credentials_on_last_used_at` (`last_used_at`),
  KEY `index_site_credentials_on_site` (`site`),
  KEY `index_site_credentials_on_status` (`status`),
  KEY `index_site_credentials_on_usage_count` (`usage_count`),
  CONSTRAINT `fk_rails_32d18ae384` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `tag_aliases` (
  `id` int NOT NULL AUTO_INCREMENT,
  `antecedent_name` longtext NOT NULL,
  `consequent_name` longtext NOT NULL,
  `creator_id` bigint NOT NULL,
  `forum_topic_id` int,
  `status` longtext NOT NULL DEFAULT ('active'),
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `approver_id` bigint,
  `forum_post_id` int,
  `reason` longtext NOT NULL DEFAULT (''),
  PRIMARY KEY (`id`),
  KEY `index_tag_aliases_on_antecedent_name` (`antecedent_name`(255)),
  KEY `index_tag_aliases_on_consequent_name` (`consequent_name`(255)),
  KEY `index_tag_aliases_on_created_at` (`created_at`),
  KEY `index_tag_aliases_on_creator_id_and_created_at` (`creator_id`, `created_at`),
  KEY `index_tag_aliases_on_forum_post_id` (`forum_post_id`),
  CONSTRAINT `fk_rails_0157a2fd88` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_90fd158a45` FOREIGN KEY (`forum_topic_id`) REFERENCES `forum_topics` (`id`),
  CONSTRAINT `fk_rails_ca93879f64` FOREIGN KEY (`approver_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_e5a732a43b` FOREIGN KEY (`forum_post_id`) REFERENCES `forum_posts` (`id`)
);

CREATE TABLE `tag_implications` (
  `id` int NOT NULL AUTO_INCREMENT,
  `antecedent_name` longtext NOT NULL,
  `consequent_name` longtext NOT NULL,
  `creator_id` bigint NOT NULL,
  `forum_topic_id` int,
  `status` longtext NOT NULL DEFAULT ('active'),
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `approver_id` bigint,
  `forum_post_id` int,
  `reason` longtext NOT NULL DEFAULT (''),
  PRIMARY KEY (`id`),
  KEY `index_tag_implications_on_antecedent_name` (`antecedent_name`(255)),
  KEY `index_tag_implications_on_consequent_name` (`consequent_name`(255)),
  KEY `index_tag_implications_on_created_at` (`created_at`),
  KEY `index_tag_implications_on_creator_id_and_created_at` (`creator_id`, `created_at`),
  KEY `index_tag_implications_on_forum_post_id` (`forum_post_id`),
  CONSTRAINT `fk_rails_567423c3a3` FOREIGN KEY (`approver_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_aa452a83e5` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_bec6ee1cbe` FOREIGN KEY (`forum_post_id`) REFERENCES `forum_posts` (`id`),
  CONSTRAINT `fk_rails_dba2c19f93` FOREIGN KEY (`forum_topic_id`) REFERENCES `forum_topics` (`id`)
);

CREATE TABLE `tag_versions` (
  `id` int NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `tag_id` int NOT NULL,
  `updater_id` bigint,
  `previous_version_id` int,
  `version` int NOT NULL,
  `name` longtext NOT NULL,
  `category` int NOT NULL,
  `is_deprecated` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_tag_versions_on_category` (`category`),
  KEY `index_tag_versions_on_created_at_where_updater_id_is_not_null` (`created_at`),
  KEY `index_tag_versions_on_is_deprecated` (`is_deprecated`),
  KEY `index_tag_versions_on_name` (`name`(255)),
  KEY `index_tag_versions_on_previous_version_id` (`previous_version_id`),
  KEY `index_tag_versions_on_tag_id` (`tag_id`),
  UNIQUE KEY `index_tag_versions_on_tag_id_and_previous_version_id` (`tag_id`, `previous_version_id`),
  KEY `index_tag_versions_on_updater_id` (`updater_id`),
  KEY `index_tag_versions_on_updater_id_and_created_at` (`updater_id`, `created_at`),
  KEY `index_tag_versions_on_version` (`version`),
  CONSTRAINT `fk_rails_2e7ebfd4dd` FOREIGN KEY (`tag_id`) REFERENCES `tags` (`id`),
  CONSTRAINT `fk_rails_2eab2fbb85` FOREIGN KEY (`previous_version_id`) REFERENCES `tag_versions` (`id`),
  CONSTRAINT `fk_rails_373a0aa141` FOREIGN KEY (`updater_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `tags` (
  `id` int NOT NULL AUTO_INCREMENT,
  `name` longtext NOT NULL,
  `post_count` int NOT NULL DEFAULT 0,
  `category` int NOT NULL DEFAULT 0,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `is_deprecated` tinyint(1) NOT NULL DEFAULT 0,
  `words` json NOT NULL DEFAULT ('[]'),
  PRIMARY KEY (`id`),
  KEY `index_tags_on_is_deprecated` (`is_deprecated`),
  UNIQUE KEY `index_tags_on_name` (`name`),
  KEY `index_tags_on_name_pattern` (`name`(255)),
  KEY `index_tags_on_post_count` (`post_count`)
);

CREATE TABLE `upgrade_codes` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `code` longtext NOT NULL,
  `status` int NOT NULL,
  `creator_id` bigint NOT NULL,
  `redeemer_id` bigint,
  `user_upgrade_id` int,
  PRIMARY KEY (`id`),
  UNIQUE KEY `index_upgrade_codes_on_code` (`code`),
  KEY `index_upgrade_codes_on_creator_id` (`creator_id`),
  KEY `index_upgrade_codes_on_redeemer_id` (`redeemer_id`),
  KEY `index_upgrade_codes_on_status` (`status`),
  KEY `index_upgrade_codes_on_user_upgrade_id` (`user_upgrade_id`),
  CONSTRAINT `fk_rails_778e1e40b5` FOREIGN KEY (`redeemer_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_80bbec9661` FOREIGN KEY (`user_upgrade_id`) REFERENCES `user_upgrades` (`id`),
  CONSTRAINT `fk_rails_d5a4e5e1a6` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `upload_media_assets` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `upload_id` bigint NOT NULL,
  `media_asset_id` bigint,
  `status` int NOT NULL DEFAULT 0,
  `source_url` longtext NOT NULL DEFAULT (''),
  `error` longtext,
  `page_url` longtext,
  `user_id` bigint NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_upload_media_assets_on_media_asset_id` (`media_asset_id`),
  KEY `index_upload_media_assets_on_status` (`status`),
  KEY `index_upload_media_assets_on_upload_id` (`upload_id`),
  KEY `index_upload_media_assets_on_user_id` (`user_id`),
  CONSTRAINT `fk_rails_171271f781` FOREIGN KEY (`upload_id`) REFERENCES `uploads` (`id`),
  CONSTRAINT `fk_rails_d61d4a2ba9` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_f6bce0ea3f` FOREIGN KEY (`media_asset_id`) REFERENCES `media_assets` (`id`)
);

CREATE TABLE `uploads` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `source` longtext,
  `uploader_id` bigint NOT NULL,
  `status` longtext NOT NULL DEFAULT ('pending'),
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `referer_url` longtext,
  `error` longtext,
  `media_asset_count` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_uploads_on_created_at` (`created_at`),
  KEY `index_uploads_on_error` (`error`(255)),
  KEY `index_uploads_on_media_asset_count` (`media_asset_count`),
  KEY `index_uploads_on_uploader_id` (`uploader_id`),
  KEY `index_uploads_on_uploader_id_and_created_at_and_id` (`uploader_id`, `created_at`, `id`),
  CONSTRAINT `fk_rails_d29b037216` FOREIGN KEY (`uploader_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `user_events` (
  `id` int NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `user_id` bigint NOT NULL,
  `user_session_id` bigint,
  `category` int NOT NULL,
  `ip_addr` varchar(43),
  `session_id` char(36),
  `user_agent` longtext,
  `metadata` json,
  `login_session_id` char(36),
  PRIMARY KEY (`id`),
  KEY `index_user_events_on_category` (`category`),
  KEY `index_user_events_on_created_at` (`created_at`),
  KEY `index_user_events_on_ip_addr` (`ip_addr`),
  KEY `index_user_events_on_login_session_id` (`login_session_id`),
  KEY `index_user_events_on_session_id` (`session_id`),
  KEY `index_user_events_on_updated_at` (`updated_at`),
  KEY `index_user_events_on_user_id` (`user_id`),
  KEY `index_user_events_on_user_id_and_created_at` (`user_id`, `created_at`),
  KEY `index_user_events_on_user_session_id` (`user_session_id`),
  CONSTRAINT `fk_rails_41fefee740` FOREIGN KEY (`user_session_id`) REFERENCES `user_sessions` (`id`),
  CONSTRAINT `fk_rails_717ccf5f73` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_89475bdf6f` FOREIGN KEY (`login_session_id`) REFERENCES `login_sessions` (`login_id`)
);

CREATE TABLE `user_feedback` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `creator_id` bigint NOT NULL,
  `category` longtext NOT NULL,
  `body` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_user_feedback_on_created_at` (`created_at`),
  KEY `index_user_feedback_on_creator_id` (`creator_id`),
  KEY `index_user_feedback_on_creator_id_and_created_at` (`creator_id`, `created_at`),
  KEY `index_user_feedback_on_user_id` (`user_id`),
  KEY `index_user_feedback_on_user_id_and_created_at` (`user_id`, `created_at`),
  CONSTRAINT `fk_rails_81884ec765` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_b1c80e6f0a` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `user_name_change_requests` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `original_name` longtext NOT NULL,
  `desired_name` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_user_name_change_requests_on_created_at` (`created_at`),
  KEY `index_user_name_change_requests_on_original_name` (`original_name`(255)),
  KEY `index_user_name_change_requests_on_user_id` (`user_id`),
  KEY `index_user_name_change_requests_on_user_id_and_created_at` (`user_id`, `created_at`),
  CONSTRAINT `fk_rails_18d9682b1c` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `user_upgrades` (
  `id` int NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `recipient_id` bigint NOT NULL,
  `purchaser_id` bigint NOT NULL,
  `upgrade_type` int NOT NULL,
  `status` int NOT NULL,
  `transaction_id` longtext,
  `payment_processor` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_completed_user_upgrades_on_created_at` (`created_at`),
  KEY `index_completed_user_upgrades_on_updater_id_and_created_at` (`purchaser_id`, `created_at`),
  KEY `index_user_upgrades_on_payment_processor` (`payment_processor`),
  KEY `index_user_upgrades_on_purchaser_id` (`purchaser_id`),
  KEY `index_user_upgrades_on_recipient_id` (`recipient_id`),
  KEY `index_user_upgrades_on_status` (`status`),
  KEY `index_user_upgrades_on_transaction_id` (`transaction_id`(255)),
  KEY `index_user_upgrades_on_upgrade_type` (`upgrade_type`),
  CONSTRAINT `fk_rails_55b7770fa9` FOREIGN KEY (`recipient_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_f9349ed07b` FOREIGN KEY (`purchaser_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `users` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6),
  `name` longtext NOT NULL,
  `inviter_id` bigint,
  `level` int NOT NULL,
  `last_logged_in_at` datetime(6),
  `last_forum_read_at` datetime(6),
  `post_upload_count` int NOT NULL,
  `post_update_count` int NOT NULL,
  `note_update_count` int NOT NULL,
  `favorite_count` int NOT NULL,
  `comment_threshold` int NOT NULL,
  `default_image_size` longtext NOT NULL,
  `favorite_tags` longtext,
  `blacklisted_tags` longtext,
  `time_zone` longtext NOT NULL,
  `bcrypt_password_hash` longtext NOT NULL,
  `per_page` int NOT NULL,
  `custom_style` longtext,
  `bit_prefs` bigint NOT NULL,
  `last_ip_addr` varchar(43),
  `unread_dmail_count` int NOT NULL,
  `theme` int NOT NULL,
  `upload_points` int NOT NULL,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  `totp_secret` longtext,
  `backup_codes` json,
  PRIMARY KEY (`id`),
  KEY `index_users_on_created_at` (`created_at`),
  KEY `index_users_on_enable_private_favorites` (`bit_prefs`),
  KEY `index_users_on_id_and_created_at` (`id`, `created_at`),
  KEY `index_users_on_inviter_id` (`inviter_id`),
  KEY `index_users_on_is_deleted` (`is_deleted`),
  KEY `index_users_on_last_ip_addr` (`last_ip_addr`),
  CONSTRAINT `fk_rails_3e95061862` FOREIGN KEY (`inviter_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `wiki_page_versions` (
  `id` int NOT NULL AUTO_INCREMENT,
  `wiki_page_id` int NOT NULL,
  `updater_id` bigint NOT NULL,
  `title` longtext NOT NULL,
  `body` longtext NOT NULL,
  `is_locked` tinyint(1) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `other_names` json NOT NULL DEFAULT ('[]'),
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `index_wiki_page_versions_on_created_at` (`created_at`),
  KEY `index_wiki_page_versions_on_updater_id` (`updater_id`),
  KEY `index_wiki_page_versions_on_updater_id_and_created_at` (`updater_id`, `created_at`),
  KEY `index_wiki_page_versions_on_wiki_page_id` (`wiki_page_id`),
  CONSTRAINT `fk_rails_2fc7c35d5a` FOREIGN KEY (`wiki_page_id`) REFERENCES `wiki_pages` (`id`),
  CONSTRAINT `fk_rails_c6ed6113f4` FOREIGN KEY (`updater_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `user_sessions` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `ip_addr` varchar(43) NOT NULL,
  `session_id` longtext NOT NULL,
  `user_agent` longtext,
  PRIMARY KEY (`id`),
  KEY `index_user_sessions_on_created_at` (`created_at`),
  KEY `index_user_sessions_on_ip_addr` (`ip_addr`),
  KEY `index_user_sessions_on_session_id` (`session_id`(255)),
  KEY `index_user_sessions_on_updated_at` (`updated_at`)
);

CREATE TABLE `wiki_pages` (
  `id` int NOT NULL AUTO_INCREMENT,
  `title` longtext NOT NULL,
  `body` longtext NOT NULL,
  `is_locked` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `other_names` json NOT NULL DEFAULT ('[]'),
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `index_wiki_pages_on_title` (`title`),
  KEY `index_wiki_pages_on_title_pattern` (`title`(255)),
  KEY `index_wiki_pages_on_updated_at` (`updated_at`)
);

