CREATE TABLE `acls` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `address` varchar(43),
  `k` longtext NOT NULL,
  `v` longtext,
  `domain` longtext,
  `mx` longtext,
  PRIMARY KEY (`id`),
  KEY `acls_k_idx` (`k`(255)),
  KEY `index_acls_on_domain` (`domain`(255)),
  KEY `index_acls_on_mx` (`mx`(255))
);

CREATE TABLE `active_storage_attachments` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` longtext NOT NULL,
  `record_type` longtext NOT NULL,
  `record_id` bigint NOT NULL,
  `blob_id` bigint NOT NULL,
  `created_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_active_storage_attachments_on_blob_id` (`blob_id`),
  UNIQUE KEY `index_active_storage_attachments_uniqueness` (`record_type`, `record_id`, `name`, `blob_id`),
  CONSTRAINT `fk_rails_c3b3935057` FOREIGN KEY (`blob_id`) REFERENCES `active_storage_blobs` (`id`)
);

CREATE TABLE `active_storage_blobs` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `key` longtext NOT NULL,
  `filename` longtext NOT NULL,
  `content_type` longtext,
  `metadata` longtext,
  `byte_size` bigint NOT NULL,
  `checksum` longtext,
  `created_at` datetime(6) NOT NULL,
  `service_name` longtext NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `index_active_storage_blobs_on_key` (`key`)
);

CREATE TABLE `active_storage_variant_records` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `blob_id` bigint NOT NULL,
  `variation_digest` longtext NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `index_active_storage_variant_records_uniqueness` (`blob_id`, `variation_digest`),
  CONSTRAINT `fk_rails_993965df05` FOREIGN KEY (`blob_id`) REFERENCES `active_storage_blobs` (`id`)
);

CREATE TABLE `ar_internal_metadata` (
  `key` varchar(255) NOT NULL,
  `value` longtext,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`key`)
);

CREATE TABLE `changeset_comments` (
  `id` int NOT NULL AUTO_INCREMENT,
  `changeset_id` bigint NOT NULL,
  `author_id` bigint NOT NULL,
  `body` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `visible` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_changeset_comments_on_author_id_and_created_at` (`author_id`, `created_at`),
  KEY `index_changeset_comments_on_author_id_and_id` (`author_id`, `id`),
  KEY `index_changeset_comments_on_changeset_id_and_created_at` (`changeset_id`, `created_at`),
  KEY `index_changeset_comments_on_created_at` (`created_at`),
  CONSTRAINT `changeset_comments_author_id_fkey` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`),
  CONSTRAINT `changeset_comments_changeset_id_fkey` FOREIGN KEY (`changeset_id`) REFERENCES `changesets` (`id`)
);

CREATE TABLE `changeset_tags` (
  `changeset_id` bigint NOT NULL,
  `k` varchar(255) NOT NULL DEFAULT '',
  `v` longtext NOT NULL DEFAULT (''),
  PRIMARY KEY (`changeset_id`, `k`),
  CONSTRAINT `changeset_tags_id_fkey` FOREIGN KEY (`changeset_id`) REFERENCES `changesets` (`id`)
);

CREATE TABLE `changesets` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `min_lat` int,
  `max_lat` int,
  `min_lon` int,
  `max_lon` int,
  `closed_at` datetime(6) NOT NULL,
  `num_changes` int NOT NULL DEFAULT 0,
  `num_created_nodes` int NOT NULL DEFAULT 0,
  `num_modified_nodes` int NOT NULL DEFAULT 0,
  `num_deleted_nodes` int NOT NULL DEFAULT 0,
  `num_created_ways` int NOT NULL DEFAULT 0,
  `num_modified_ways` int NOT NULL DEFAULT 0,
  `num_deleted_ways` int NOT NULL DEFAULT 0,
  `num_created_relations` int NOT NULL DEFAULT 0,
  `num_modified_relations` int NOT NULL DEFAULT 0,
  `num_deleted_relations` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `changesets_closed_at_idx` (`closed_at`),
  KEY `changesets_created_at_idx` (`created_at`),
  KEY `changesets_user_id_created_at_idx` (`user_id`, `created_at`),
  KEY `changesets_user_id_id_idx` (`user_id`, `id`),
  KEY `index_changesets_on_user_id_and_closed_at` (`user_id`, `closed_at`),
  CONSTRAINT `changesets_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `changesets_subscribers` (
  `subscriber_id` bigint NOT NULL,
  `changeset_id` bigint NOT NULL,
  KEY `index_changesets_subscribers_on_changeset_id` (`changeset_id`),
  UNIQUE KEY `index_changesets_subscribers_on_subscriber_id_and_changeset_id` (`subscriber_id`, `changeset_id`),
  CONSTRAINT `changesets_subscribers_changeset_id_fkey` FOREIGN KEY (`changeset_id`) REFERENCES `changesets` (`id`),
  CONSTRAINT `changesets_subscribers_subscriber_id_fkey` FOREIGN KEY (`subscriber_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `current_node_tags` (
  `node_id` bigint NOT NULL,
  `k` varchar(255) NOT NULL DEFAULT '',
  `v` longtext NOT NULL DEFAULT (''),
  PRIMARY KEY (`node_id`, `k`),
  CONSTRAINT `current_node_tags_id_fkey` FOREIGN KEY (`node_id`) REFERENCES `current_nodes` (`id`)
);

CREATE TABLE `current_nodes` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `latitude` int NOT NULL,
  `longitude` int NOT NULL,
  `changeset_id` bigint NOT NULL,
  `visible` tinyint(1) NOT NULL,
  `timestamp` datetime(6) NOT NULL,
  `tile` bigint NOT NULL,
  `version` bigint NOT NULL,
  PRIMARY KEY (`id`),
  KEY `current_nodes_tile_idx` (`tile`),
  KEY `current_nodes_timestamp_idx` (`timestamp`),
  CONSTRAINT `current_nodes_changeset_id_fkey` FOREIGN KEY (`changeset_id`) REFERENCES `changesets` (`id`)
);

CREATE TABLE `current_relation_members` (
  `relation_id` bigint NOT NULL,
  `member_type` enum('Node','Way','Relation') NOT NULL,
  `member_id` bigint NOT NULL,
  `member_role` longtext NOT NULL,
  `sequence_id` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`relation_id`, `sequence_id`),
  KEY `current_relation_members_member_idx` (`member_type`, `member_id`),
  CONSTRAINT `current_relation_members_id_fkey` FOREIGN KEY (`relation_id`) REFERENCES `current_relations` (`id`)
);

CREATE TABLE `current_relation_tags` (
  `relation_id` bigint NOT NULL,
  `k` varchar(255) NOT NULL DEFAULT '',
  `v` longtext NOT NULL DEFAULT (''),
  PRIMARY KEY (`relation_id`, `k`),
  CONSTRAINT `current_relation_tags_id_fkey` FOREIGN KEY (`relation_id`) REFERENCES `current_relations` (`id`)
);

CREATE TABLE `current_relations` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `changeset_id` bigint NOT NULL,
  `timestamp` datetime(6) NOT NULL,
  `visible` tinyint(1) NOT NULL,
  `version` bigint NOT NULL,
  PRIMARY KEY (`id`),
  KEY `current_relations_timestamp_idx` (`timestamp`),
  CONSTRAINT `current_relations_changeset_id_fkey` FOREIGN KEY (`changeset_id`) REFERENCES `changesets` (`id`)
);

CREATE TABLE `current_way_nodes` (
  `way_id` bigint NOT NULL,
  `node_id` bigint NOT NULL,
  `sequence_id` bigint NOT NULL,
  PRIMARY KEY (`way_id`, `sequence_id`),
  KEY `current_way_nodes_node_idx` (`node_id`),
  CONSTRAINT `current_way_nodes_id_fkey` FOREIGN KEY (`way_id`) REFERENCES `current_ways` (`id`),
  CONSTRAINT `current_way_nodes_node_id_fkey` FOREIGN KEY (`node_id`) REFERENCES `current_nodes` (`id`)
);

CREATE TABLE `current_way_tags` (
  `way_id` bigint NOT NULL,
  `k` varchar(255) NOT NULL DEFAULT '',
  `v` longtext NOT NULL DEFAULT (''),
  PRIMARY KEY (`way_id`, `k`),
  CONSTRAINT `current_way_tags_id_fkey` FOREIGN KEY (`way_id`) REFERENCES `current_ways` (`id`)
);

CREATE TABLE `current_ways` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `changeset_id` bigint NOT NULL,
  `timestamp` datetime(6) NOT NULL,
  `visible` tinyint(1) NOT NULL,
  `version` bigint NOT NULL,
  PRIMARY KEY (`id`),
  KEY `current_ways_timestamp_idx` (`timestamp`),
  CONSTRAINT `current_ways_changeset_id_fkey` FOREIGN KEY (`changeset_id`) REFERENCES `changesets` (`id`)
);

CREATE TABLE `delayed_jobs` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `priority` int NOT NULL DEFAULT 0,
  `attempts` int NOT NULL DEFAULT 0,
  `handler` longtext NOT NULL,
  `last_error` longtext,
  `run_at` datetime(6),
  `locked_at` datetime(6),
  `failed_at` datetime(6),
  `locked_by` longtext,
  `queue` longtext,
  `created_at` datetime(6),
  `updated_at` datetime(6),
  PRIMARY KEY (`id`),
  KEY `delayed_jobs_priority` (`priority`, `run_at`)
);

CREATE TABLE `diary_comments` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `diary_entry_id` bigint NOT NULL,
  `user_id` bigint NOT NULL,
  `body` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `visible` tinyint(1) NOT NULL DEFAULT 1,
  `body_format` enum('html','markdown','text') NOT NULL DEFAULT 'markdown',
  PRIMARY KEY (`id`),
  KEY `diary_comment_user_id_created_at_index` (`user_id`, `created_at`),
  UNIQUE KEY `diary_comments_entry_id_idx` (`diary_entry_id`, `id`),
  KEY `index_diary_comments_on_user_id_and_id` (`user_id`, `id`),
  CONSTRAINT `diary_comments_diary_entry_id_fkey` FOREIGN KEY (`diary_entry_id`) REFERENCES `diary_entries` (`id`),
  CONSTRAINT `diary_comments_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `diary_entries` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `title` longtext NOT NULL,
  `body` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `latitude` double,
  `longitude` double,
  `language_code` varchar(255) NOT NULL DEFAULT 'en',
  `visible` tinyint(1) NOT NULL DEFAULT 1,
  `body_format` enum('html','markdown','text') NOT NULL DEFAULT 'markdown',
  PRIMARY KEY (`id`),
  KEY `diary_entry_created_at_index` (`created_at`),
  KEY `diary_entry_language_code_created_at_index` (`language_code`, `created_at`),
  KEY `diary_entry_user_id_created_at_index` (`user_id`, `created_at`),
  CONSTRAINT `diary_entries_language_code_fkey` FOREIGN KEY (`language_code`) REFERENCES `languages` (`code`),
  CONSTRAINT `diary_entries_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `diary_entry_subscriptions` (
  `user_id` bigint NOT NULL,
  `diary_entry_id` bigint NOT NULL,
  PRIMARY KEY (`user_id`, `diary_entry_id`),
  KEY `index_diary_entry_subscriptions_on_diary_entry_id` (`diary_entry_id`),
  CONSTRAINT `diary_entry_subscriptions_diary_entry_id_fkey` FOREIGN KEY (`diary_entry_id`) REFERENCES `diary_entries` (`id`),
  CONSTRAINT `diary_entry_subscriptions_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `friends` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `friend_user_id` bigint NOT NULL,
  `created_at` datetime(6),
  PRIMARY KEY (`id`),
  KEY `index_friends_on_user_id_and_created_at` (`user_id`, `created_at`),
  KEY `user_id_idx` (`friend_user_id`),
  CONSTRAINT `friends_friend_user_id_fkey` FOREIGN KEY (`friend_user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `friends_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `gps_points` (
  `altitude` double,
  `trackid` int NOT NULL,
  `latitude` int NOT NULL,
  `longitude` int NOT NULL,
  `gpx_id` bigint NOT NULL,
  `timestamp` datetime(6),
  `tile` bigint,
  KEY `points_gpxid_idx` (`gpx_id`),
  KEY `points_tile_idx` (`tile`),
  CONSTRAINT `gps_points_gpx_id_fkey` FOREIGN KEY (`gpx_id`) REFERENCES `gpx_files` (`id`)
);

CREATE TABLE `gpx_file_tags` (
  `gpx_id` bigint NOT NULL,
  `tag` longtext NOT NULL,
  `id` bigint NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (`id`),
  KEY `gpx_file_tags_gpxid_idx` (`gpx_id`),
  KEY `gpx_file_tags_tag_idx` (`tag`(255)),
  CONSTRAINT `gpx_file_tags_gpx_id_fkey` FOREIGN KEY (`gpx_id`) REFERENCES `gpx_files` (`id`)
);

CREATE TABLE `gpx_files` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `visible` tinyint(1) NOT NULL DEFAULT 1,
  `name` longtext NOT NULL DEFAULT (''),
  `size` bigint,
  `latitude` double,
  `longitude` double,
  `timestamp` datetime(6) NOT NULL,
  `description` longtext NOT NULL DEFAULT (''),
  `inserted` tinyint(1) NOT NULL,
  `visibility` enum('private','public','trackable','identifiable') NOT NULL DEFAULT 'trackable',
  PRIMARY KEY (`id`),
  KEY `gpx_files_timestamp_idx` (`timestamp`),
  KEY `gpx_files_visible_visibility_idx` (`visible`, `visibility`),
  KEY `index_gpx_files_on_user_id_and_id` (`user_id`, `id`),
  CONSTRAINT `gpx_files_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `issue_comments` (
  `id` int NOT NULL AUTO_INCREMENT,
  `issue_id` int NOT NULL,
  `user_id` bigint NOT NULL,
  `body` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_issue_comments_on_issue_id` (`issue_id`),
  KEY `index_issue_comments_on_user_id` (`user_id`),
  CONSTRAINT `issue_comments_issue_id_fkey` FOREIGN KEY (`issue_id`) REFERENCES `issues` (`id`),
  CONSTRAINT `issue_comments_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `issues` (
  `id` int NOT NULL AUTO_INCREMENT,
  `reportable_type` longtext NOT NULL,
  `reportable_id` int NOT NULL,
  `reported_user_id` bigint,
  `status` enum('open','ignored','resolved') NOT NULL DEFAULT 'open',
  `assigned_role` enum('administrator','moderator','importer') NOT NULL,
  `resolved_at` datetime(6),
  `resolved_by` bigint,
  `updated_by` bigint,
  `reports_count` int DEFAULT 0,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_issues_on_assigned_role` (`assigned_role`),
  KEY `index_issues_on_reportable_type_and_reportable_id` (`reportable_type`(255), `reportable_id`),
  KEY `index_issues_on_reported_user_id` (`reported_user_id`),
  KEY `index_issues_on_status` (`status`),
  KEY `index_issues_on_updated_by` (`updated_by`),
  CONSTRAINT `issues_reported_user_id_fkey` FOREIGN KEY (`reported_user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `issues_resolved_by_fkey` FOREIGN KEY (`resolved_by`) REFERENCES `users` (`id`),
  CONSTRAINT `issues_updated_by_fkey` FOREIGN KEY (`updated_by`) REFERENCES `users` (`id`)
);

CREATE TABLE `languages` (
  `code` varchar(255) NOT NULL,
  `english_name` longtext NOT NULL,
  `native_name` longtext,
  PRIMARY KEY (`code`)
);

CREATE TABLE `messages` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `from_user_id` bigint NOT NULL,
  `title` longtext NOT NULL,
  `body` longtext NOT NULL,
  `sent_on` datetime(6) NOT NULL,
  `message_read` tinyint(1) NOT NULL DEFAULT 0,
  `to_user_id` bigint NOT NULL,
  `to_user_visible` tinyint(1) NOT NULL DEFAULT 1,
  `from_user_visible` tinyint(1) NOT NULL DEFAULT 1,
  `body_format` enum('html','markdown','text') NOT NULL DEFAULT 'markdown',
  `muted` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `messages_from_user_id_idx` (`from_user_id`),
  KEY `messages_to_user_id_idx` (`to_user_id`),
  CONSTRAINT `messages_from_user_id_fkey` FOREIGN KEY (`from_user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `messages_to_user_id_fkey` FOREIGN KEY (`to_user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `moderation_zones` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` longtext NOT NULL,
  `reason` longtext NOT NULL,
  `reason_format` enum('html','markdown','text') DEFAULT 'markdown',
  `zone` longtext NOT NULL,
  `ends_at` datetime(6) NOT NULL,
  `creator_id` bigint NOT NULL,
  `revoker_id` bigint,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_moderation_zones_on_creator_id` (`creator_id`),
  KEY `index_moderation_zones_on_revoker_id` (`revoker_id`),
  CONSTRAINT `fk_rails_6a0b70e3da` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_f2132b7340` FOREIGN KEY (`revoker_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `node_tags` (
  `node_id` bigint NOT NULL,
  `version` bigint NOT NULL,
  `k` varchar(255) NOT NULL DEFAULT '',
  `v` longtext NOT NULL DEFAULT (''),
  PRIMARY KEY (`node_id`, `version`, `k`),
  CONSTRAINT `node_tags_id_fkey` FOREIGN KEY (`node_id`, `version`) REFERENCES `nodes` (`node_id`, `version`)
);

CREATE TABLE `nodes` (
  `node_id` bigint NOT NULL,
  `latitude` int NOT NULL,
  `longitude` int NOT NULL,
  `changeset_id` bigint NOT NULL,
  `visible` tinyint(1) NOT NULL,
  `timestamp` datetime(6) NOT NULL,
  `tile` bigint NOT NULL,
  `version` bigint NOT NULL,
  `redaction_id` int,
  PRIMARY KEY (`node_id`, `version`),
  KEY `nodes_changeset_id_idx` (`changeset_id`),
  KEY `nodes_tile_idx` (`tile`),
  KEY `nodes_timestamp_idx` (`timestamp`),
  CONSTRAINT `nodes_changeset_id_fkey` FOREIGN KEY (`changeset_id`) REFERENCES `changesets` (`id`),
  CONSTRAINT `nodes_redaction_id_fkey` FOREIGN KEY (`redaction_id`) REFERENCES `redactions` (`id`)
);

CREATE TABLE `note_comments` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `note_id` bigint NOT NULL,
  `visible` tinyint(1) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `author_ip` varchar(43),
  `author_id` bigint,
  `body` longtext,
  `event` enum('opened','closed','reopened','commented','hidden'),
  PRIMARY KEY (`id`),
  KEY `index_note_comments_on_author_id_and_created_at` (`author_id`, `created_at`),
  KEY `index_note_comments_on_created_at` (`created_at`),
  KEY `note_comments_note_id_idx` (`note_id`),
  CONSTRAINT `note_comments_author_id_fkey` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`),
  CONSTRAINT `note_comments_note_id_fkey` FOREIGN KEY (`note_id`) REFERENCES `notes` (`id`)
);

CREATE TABLE `note_subscriptions` (
  `user_id` bigint NOT NULL,
  `note_id` bigint NOT NULL,
  PRIMARY KEY (`user_id`, `note_id`),
  KEY `index_note_subscriptions_on_note_id` (`note_id`),
  CONSTRAINT `fk_rails_2c1913f293` FOREIGN KEY (`note_id`) REFERENCES `notes` (`id`),
  CONSTRAINT `fk_rails_a352f4eced` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `notes` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `latitude` int NOT NULL,
  `longitude` int NOT NULL,
  `tile` bigint NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `status` enum('open','closed','hidden') NOT NULL,
  `closed_at` datetime(6),
  `description` longtext NOT NULL DEFAULT (''),
  `user_id` bigint,
  `user_ip` varchar(43),
  PRIMARY KEY (`id`),
  KEY `index_notes_on_user_id_and_created_at` (`user_id`, `created_at`),
  KEY `notes_created_at_idx` (`created_at`),
  KEY `notes_tile_status_idx` (`tile`, `status`),
  KEY `notes_updated_at_idx` (`updated_at`),
  CONSTRAINT `notes_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `noticed_events` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `type` longtext,
  `record_type` longtext,
  `record_id` bigint,
  `notifications_count` int,
  `params` json,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_noticed_events_on_record` (`record_type`(255), `record_id`)
);

CREATE TABLE `noticed_notifications` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `type` longtext,
  `event_id` bigint NOT NULL,
  `recipient_type` longtext NOT NULL,
  `recipient_id` bigint NOT NULL,
  `read_at` datetime(6),
  `seen_at` datetime(6),
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_noticed_notifications_on_event_id` (`event_id`),
  KEY `index_noticed_notifications_on_recipient` (`recipient_type`(255), `recipient_id`)
);

CREATE TABLE `oauth_access_grants` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `resource_owner_id` bigint NOT NULL,
  `application_id` bigint NOT NULL,
  `token` longtext NOT NULL,
  `expires_in` int NOT NULL,
  `redirect_uri` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `revoked_at` datetime(6),
  `scopes` longtext NOT NULL DEFAULT (''),
  `code_challenge` longtext,
  `code_challenge_method` longtext,
  PRIMARY KEY (`id`),
  KEY `index_oauth_access_grants_on_application_id` (`application_id`),
  KEY `index_oauth_access_grants_on_resource_owner_id` (`resource_owner_id`),
  UNIQUE KEY `index_oauth_access_grants_on_token` (`token`),
  CONSTRAINT `fk_rails_330c32d8d9` FOREIGN KEY (`resource_owner_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_b4b53e07b8` FOREIGN KEY (`application_id`) REFERENCES `oauth_applications` (`id`)
);

CREATE TABLE `oauth_access_tokens` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `resource_owner_id` bigint,
  `application_id` bigint NOT NULL,
  `token` longtext NOT NULL,
  `refresh_token` longtext,
  `expires_in` int,
  `revoked_at` datetime(6),
  `created_at` datetime(6) NOT NULL,
  `scopes` longtext,
  `previous_refresh_token` longtext NOT NULL DEFAULT (''),
  PRIMARY KEY (`id`),
  KEY `index_oauth_access_tokens_on_application_id` (`application_id`),
  UNIQUE KEY `index_oauth_access_tokens_on_refresh_token` (`refresh_token`),
  KEY `index_oauth_access_tokens_on_resource_owner_id` (`resource_owner_id`),
  UNIQUE KEY `index_oauth_access_tokens_on_token` (`token`),
  CONSTRAINT `fk_rails_732cb83ab7` FOREIGN KEY (`application_id`) REFERENCES `oauth_applications` (`id`),
  CONSTRAINT `fk_rails_ee63f25419` FOREIGN KEY (`resource_owner_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `oauth_applications` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `owner_type` longtext NOT NULL,
  `owner_id` bigint NOT NULL,
  `name` longtext NOT NULL,
  `uid` longtext NOT NULL,
  `secret` longtext NOT NULL,
  `redirect_uri` longtext NOT NULL,
  `scopes` longtext NOT NULL DEFAULT (''),
  `confidential` tinyint(1) NOT NULL DEFAULT 1,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_oauth_applications_on_owner_type_and_owner_id` (`owner_type`(255), `owner_id`),
  UNIQUE KEY `index_oauth_applications_on_uid` (`uid`),
  CONSTRAINT `fk_rails_cc886e315a` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `oauth_openid_requests` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `access_grant_id` bigint NOT NULL,
  `nonce` longtext NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_oauth_openid_requests_on_access_grant_id` (`access_grant_id`),
  CONSTRAINT `fk_rails_77114b3b09` FOREIGN KEY (`access_grant_id`) REFERENCES `oauth_access_grants` (`id`) ON DELETE CASCADE
);

CREATE TABLE `redactions` (
  `id` int NOT NULL AUTO_INCREMENT,
  `title` longtext NOT NULL,
  `description` longtext NOT NULL,
  `created_at` datetime(6),
  `updated_at` datetime(6),
  `user_id` bigint NOT NULL,
  `description_format` enum('html','markdown','text') NOT NULL DEFAULT 'markdown',
  PRIMARY KEY (`id`),
  CONSTRAINT `redactions_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `relation_members` (
  `relation_id` bigint NOT NULL,
  `member_type` enum('Node','Way','Relation') NOT NULL,
  `member_id` bigint NOT NULL,
  `member_role` longtext NOT NULL,
  `version` bigint NOT NULL DEFAULT 0,
  `sequence_id` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`relation_id`, `version`, `sequence_id`),
  KEY `relation_members_member_idx` (`member_type`, `member_id`),
  CONSTRAINT `relation_members_id_fkey` FOREIGN KEY (`relation_id`, `version`) REFERENCES `relations` (`relation_id`, `version`)
);

CREATE TABLE `relation_tags` (
  `relation_id` bigint NOT NULL,
  `k` varchar(255) NOT NULL DEFAULT '',
  `v` longtext NOT NULL DEFAULT (''),
  `version` bigint NOT NULL,
  PRIMARY KEY (`relation_id`, `version`, `k`),
  CONSTRAINT `relation_tags_id_fkey` FOREIGN KEY (`relation_id`, `version`) REFERENCES `relations` (`relation_id`, `version`)
);

CREATE TABLE `relations` (
  `relation_id` bigint NOT NULL,
  `changeset_id` bigint NOT NULL,
  `timestamp` datetime(6) NOT NULL,
  `version` bigint NOT NULL,
  `visible` tinyint(1) NOT NULL DEFAULT 1,
  `redaction_id` int,
  PRIMARY KEY (`relation_id`, `version`),
  KEY `relations_changeset_id_idx` (`changeset_id`),
  KEY `relations_timestamp_idx` (`timestamp`),
  CONSTRAINT `relations_changeset_id_fkey` FOREIGN KEY (`changeset_id`) REFERENCES `changesets` (`id`),
  CONSTRAINT `relations_redaction_id_fkey` FOREIGN KEY (`redaction_id`) REFERENCES `redactions` (`id`)
);

CREATE TABLE `reports` (
  `id` int NOT NULL AUTO_INCREMENT,
  `issue_id` int NOT NULL,
  `user_id` bigint NOT NULL,
  `details` longtext NOT NULL,
  `category` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_reports_on_issue_id` (`issue_id`),
  KEY `index_reports_on_user_id` (`user_id`),
  CONSTRAINT `reports_issue_id_fkey` FOREIGN KEY (`issue_id`) REFERENCES `issues` (`id`),
  CONSTRAINT `reports_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `schema_migrations` (
  `version` varchar(16) NOT NULL,
  PRIMARY KEY (`version`)
);

CREATE TABLE `social_links` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `url` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `index_social_links_on_user_id` (`user_id`),
  CONSTRAINT `fk_rails_6034fd4f62` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `spammy_phrases` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `phrase` longtext,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`)
);

CREATE TABLE `user_blocks` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `creator_id` bigint NOT NULL,
  `reason` longtext NOT NULL,
  `ends_at` datetime(6) NOT NULL,
  `needs_view` tinyint(1) NOT NULL DEFAULT 0,
  `revoker_id` bigint,
  `created_at` datetime(6),
  `updated_at` datetime(6),
  `reason_format` enum('html','markdown','text') NOT NULL DEFAULT 'markdown',
  `deactivates_at` datetime(6),
  PRIMARY KEY (`id`),
  KEY `index_user_blocks_on_creator_id_and_id` (`creator_id`, `id`),
  KEY `index_user_blocks_on_user_id` (`user_id`),
  CONSTRAINT `user_blocks_moderator_id_fkey` FOREIGN KEY (`creator_id`) REFERENCES `users` (`id`),
  CONSTRAINT `user_blocks_revoker_id_fkey` FOREIGN KEY (`revoker_id`) REFERENCES `users` (`id`),
  CONSTRAINT `user_blocks_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `user_mutes` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `owner_id` bigint NOT NULL,
  `subject_id` bigint NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `index_user_mutes_on_owner_id_and_subject_id` (`owner_id`, `subject_id`),
  CONSTRAINT `fk_rails_591dad3359` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`),
  CONSTRAINT `fk_rails_e9dd4fb6c3` FOREIGN KEY (`subject_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `user_preferences` (
  `user_id` bigint NOT NULL,
  `k` varchar(255) NOT NULL,
  `v` longtext NOT NULL,
  PRIMARY KEY (`user_id`, `k`),
  CONSTRAINT `user_preferences_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `user_roles` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `role` enum('administrator','moderator','importer') NOT NULL,
  `created_at` datetime(6),
  `updated_at` datetime(6),
  `granter_id` bigint NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `user_roles_id_role_unique` (`user_id`, `role`),
  CONSTRAINT `user_roles_granter_id_fkey` FOREIGN KEY (`granter_id`) REFERENCES `users` (`id`),
  CONSTRAINT `user_roles_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `users` (
  `email` longtext NOT NULL,
  `id` bigint NOT NULL AUTO_INCREMENT,
  `pass_crypt` longtext NOT NULL,
  `creation_time` datetime(6) NOT NULL,
  `display_name` longtext NOT NULL DEFAULT (''),
  `data_public` tinyint(1) NOT NULL DEFAULT 0,
  `description` longtext NOT NULL DEFAULT (''),
  `home_lat` double,
  `home_lon` double,
  `home_zoom` smallint DEFAULT 3,
  `pass_salt` longtext,
  `email_valid` tinyint(1) NOT NULL DEFAULT 0,
  `new_email` longtext,
  `languages` longtext,
  `status` enum('pending','active','confirmed','suspended','deleted') NOT NULL DEFAULT 'pending',
  `terms_agreed` datetime(6),
  `consider_pd` tinyint(1) NOT NULL DEFAULT 0,
  `auth_uid` longtext,
  `preferred_editor` longtext,
  `terms_seen` tinyint(1) NOT NULL DEFAULT 0,
  `description_format` enum('html','markdown','text') NOT NULL DEFAULT 'markdown',
  `changesets_count` int NOT NULL DEFAULT 0,
  `traces_count` int NOT NULL DEFAULT 0,
  `diary_entries_count` int NOT NULL DEFAULT 0,
  `image_use_gravatar` tinyint(1) NOT NULL DEFAULT 0,
  `auth_provider` longtext,
  `home_tile` bigint,
  `tou_agreed` datetime(6),
  `diary_comments_count` int DEFAULT 0,
  `note_comments_count` int DEFAULT 0,
  `creation_address` varchar(43),
  `home_location_name` longtext,
  `company` longtext,
  `public_heatmap` tinyint(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (`id`),
  UNIQUE KEY `users_auth_idx` (`auth_provider`, `auth_uid`),
  UNIQUE KEY `users_display_name_idx` (`display_name`),
  UNIQUE KEY `users_email_idx` (`email`),
  KEY `users_home_idx` (`home_tile`)
);

CREATE TABLE `way_nodes` (
  `way_id` bigint NOT NULL,
  `node_id` bigint NOT NULL,
  `version` bigint NOT NULL,
  `sequence_id` bigint NOT NULL,
  PRIMARY KEY (`way_id`, `version`, `sequence_id`),
  KEY `way_nodes_node_idx` (`node_id`),
  CONSTRAINT `way_nodes_id_fkey` FOREIGN KEY (`way_id`, `version`) REFERENCES `ways` (`way_id`, `version`)
);

CREATE TABLE `way_tags` (
  `way_id` bigint NOT NULL,
  `k` varchar(255) NOT NULL,
  `v` longtext NOT NULL,
  `version` bigint NOT NULL,
  PRIMARY KEY (`way_id`, `version`, `k`),
  CONSTRAINT `way_tags_id_fkey` FOREIGN KEY (`way_id`, `version`) REFERENCES `ways` (`way_id`, `version`)
);

CREATE TABLE `ways` (
  `way_id` bigint NOT NULL,
  `changeset_id` bigint NOT NULL,
  `timestamp` datetime(6) NOT NULL,
  `version` bigint NOT NULL,
  `visible` tinyint(1) NOT NULL DEFAULT 1,
  `redaction_id` int,
  PRIMARY KEY (`way_id`, `version`),
  KEY `ways_changeset_id_idx` (`changeset_id`),
  KEY `ways_timestamp_idx` (`timestamp`),
  CONSTRAINT `ways_changeset_id_fkey` FOREIGN KEY (`changeset_id`) REFERENCES `changesets` (`id`),
  CONSTRAINT `ways_redaction_id_fkey` FOREIGN KEY (`redaction_id`) REFERENCES `redactions` (`id`)
);

