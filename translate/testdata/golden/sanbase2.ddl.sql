CREATE TABLE `academy_article_chunks` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `article_id` bigint NOT NULL,
  `chunk_index` int NOT NULL,
  `heading` longtext,
  `content` longtext NOT NULL,
  `embedding` longtext NOT NULL,
  `is_stale` tinyint(1) NOT NULL DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `academy_article_chunks_article_id_chunk_index_index` (`article_id`, `chunk_index`),
  KEY `academy_article_chunks_article_id_index` (`article_id`),
  CONSTRAINT `academy_article_chunks_article_id_fkey` FOREIGN KEY (`article_id`) REFERENCES `academy_articles` (`id`) ON DELETE CASCADE
);

CREATE TABLE `academy_articles` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `github_path` longtext NOT NULL,
  `academy_url` longtext NOT NULL,
  `title` longtext NOT NULL,
  `content_sha` varchar(255) NOT NULL,
  `is_stale` tinyint(1) NOT NULL DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `index_version` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `academy_articles_academy_url_index` (`academy_url`),
  UNIQUE KEY `academy_articles_github_path_index` (`github_path`)
);

CREATE TABLE `access_attempts` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint,
  `ip_address` varchar(255) NOT NULL,
  `type` varchar(255) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `access_attempts_type_ip_address_inserted_at_index` (`type`, `ip_address`, `inserted_at`),
  KEY `access_attempts_type_user_id_inserted_at_index` (`type`, `user_id`, `inserted_at`),
  CONSTRAINT `access_attempts_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `active_widgets` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `title` varchar(255) NOT NULL,
  `description` varchar(255),
  `is_active` tinyint(1) DEFAULT 1,
  `image_link` varchar(255),
  `video_link` varchar(255),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`)
);

CREATE TABLE `ai_context` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `discord_user` varchar(255),
  `question` longtext,
  `answer` longtext,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `guild_id` varchar(255),
  `guild_name` varchar(255),
  `channel_id` varchar(255),
  `channel_name` varchar(255),
  `elapsed_time` double,
  `tokens_request` int,
  `tokens_response` int,
  `tokens_total` int,
  `error_message` longtext,
  `total_cost` double,
  `command` varchar(255),
  `prompt` longtext,
  `user_is_pro` tinyint(1) DEFAULT 0,
  `thread_id` varchar(255),
  `thread_name` varchar(255),
  `votes` json DEFAULT ('{}'),
  `route` json DEFAULT ('{}'),
  `function_called` varchar(255),
  PRIMARY KEY (`id`)
);

CREATE TABLE `ai_gen_code` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `question` longtext,
  `answer` longtext,
  `parent_id` bigint,
  `program` longtext,
  `program_result` longtext,
  `discord_user` longtext,
  `guild_id` longtext,
  `guild_name` longtext,
  `channel_id` longtext,
  `channel_name` longtext,
  `elapsed_time` int,
  `changes` longtext,
  `is_saved_vs` tinyint(1) DEFAULT 0,
  `is_from_vs` tinyint(1) DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `ai_gen_code_parent_id_fkey` FOREIGN KEY (`parent_id`) REFERENCES `ai_gen_code` (`id`)
);

CREATE TABLE `alpha_naratives_emails` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `email` varchar(255),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `alpha_naratives_emails_email_index` (`email`)
);

CREATE TABLE `api_call_limits` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint,
  `remote_ip` varchar(255) DEFAULT NULL,
  `has_limits` tinyint(1) DEFAULT 1,
  `api_calls_limit_plan` varchar(255) DEFAULT 'free',
  `api_calls` json DEFAULT ('{}'),
  `has_limits_no_matter_plan` tinyint(1) DEFAULT 1,
  `api_calls_responses_size_mb` json DEFAULT ('{}'),
  `api_calls_limit_subscription_status` varchar(255) DEFAULT 'active',
  `resolved_api_call_limits` json,
  PRIMARY KEY (`id`),
  UNIQUE KEY `api_call_limits_remote_ip_index` (`remote_ip`),
  UNIQUE KEY `api_call_limits_user_id_index` (`user_id`),
  CONSTRAINT `api_call_limits_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `asset_exchange_pairs` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `base_asset` varchar(255) NOT NULL,
  `quote_asset` varchar(255) NOT NULL,
  `exchange` varchar(255) NOT NULL,
  `source` varchar(255) NOT NULL,
  `last_update` datetime(0),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `asset_exchange_pairs_base_asset_index` (`base_asset`),
  UNIQUE KEY `asset_exchange_pairs_base_asset_quote_asset_exchange_source_ind` (`base_asset`, `quote_asset`, `exchange`, `source`),
  KEY `asset_exchange_pairs_exchange_index` (`exchange`)
);

CREATE TABLE `available_metrics_data` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `metric` varchar(255) NOT NULL,
  `available_slugs` json,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `available_metrics_data_metric_index` (`metric`)
);

CREATE TABLE `blockchain_address_comments_mapping` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `comment_id` bigint,
  `blockchain_address_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `blockchain_address_comments_mapping_blockchain_address_id_index` (`blockchain_address_id`),
  UNIQUE KEY `blockchain_address_comments_mapping_comment_id_index` (`comment_id`),
  CONSTRAINT `blockchain_address_comments_mapping_blockchain_address_id_fkey` FOREIGN KEY (`blockchain_address_id`) REFERENCES `blockchain_addresses` (`id`) ON DELETE CASCADE,
  CONSTRAINT `blockchain_address_comments_mapping_comment_id_fkey` FOREIGN KEY (`comment_id`) REFERENCES `comments` (`id`) ON DELETE CASCADE
);

CREATE TABLE `blockchain_address_labels` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `notes` varchar(255),
  PRIMARY KEY (`id`),
  UNIQUE KEY `blockchain_address_labels_name_index` (`name`)
);

CREATE TABLE `blockchain_address_user_pairs` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `notes` varchar(255),
  `user_id` bigint,
  `blockchain_address_id` bigint,
  PRIMARY KEY (`id`),
  UNIQUE KEY `blockchain_address_user_pairs_user_id_blockchain_address_id_ind` (`user_id`, `blockchain_address_id`),
  CONSTRAINT `blockchain_address_user_pairs_blockchain_address_id_fkey` FOREIGN KEY (`blockchain_address_id`) REFERENCES `blockchain_addresses` (`id`),
  CONSTRAINT `blockchain_address_user_pairs_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `blockchain_address_user_pairs_labels` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `blockchain_address_user_pair_id` bigint,
  `label_id` bigint,
  PRIMARY KEY (`id`),
  UNIQUE KEY `blockchain_address_user_pairs_labels_blockchain_address_user_pa` (`blockchain_address_user_pair_id`, `label_id`),
  CONSTRAINT `blockchain_address_user_pairs_labels_blockchain_address_8b5374d7` FOREIGN KEY (`blockchain_address_user_pair_id`) REFERENCES `blockchain_address_user_pairs` (`id`),
  CONSTRAINT `blockchain_address_user_pairs_labels_label_id_fkey` FOREIGN KEY (`label_id`) REFERENCES `blockchain_address_labels` (`id`)
);

CREATE TABLE `blockchain_addresses` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `address` varchar(255) NOT NULL,
  `infrastructure_id` bigint,
  `notes` longtext,
  PRIMARY KEY (`id`),
  UNIQUE KEY `blockchain_addresses_address_infrastructure_id_index` (`address`, `infrastructure_id`),
  CONSTRAINT `blockchain_addresses_infrastructure_id_fkey` FOREIGN KEY (`infrastructure_id`) REFERENCES `infrastructures` (`id`)
);

CREATE TABLE `bundle_package_snapshots` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `version` int NOT NULL,
  `contents` json NOT NULL,
  `notes` longtext,
  `published_at` datetime(0) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `bundle_package_snapshots_version_index` (`version`)
);

CREATE TABLE `bundle_prices` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `sku` varchar(255) NOT NULL,
  `type` varchar(255) NOT NULL,
  `interval` varchar(255) NOT NULL,
  `stripe_price_id` varchar(255),
  `amount` int,
  `currency` varchar(255) NOT NULL DEFAULT 'USD',
  `is_active` tinyint(1) NOT NULL DEFAULT 1,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `bundle_prices_stripe_price_id_index` (`stripe_price_id`)
);

CREATE TABLE `chart_configuration_comments_mapping` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `comment_id` bigint,
  `chart_configuration_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `chart_configuration_comments_mapping_chart_configuration_id_ind` (`chart_configuration_id`),
  UNIQUE KEY `chart_configuration_comments_mapping_comment_id_index` (`comment_id`),
  CONSTRAINT `chart_configuration_comments_mapping_chart_configuration_id_fke` FOREIGN KEY (`chart_configuration_id`) REFERENCES `chart_configurations` (`id`) ON DELETE CASCADE,
  CONSTRAINT `chart_configuration_comments_mapping_comment_id_fkey` FOREIGN KEY (`comment_id`) REFERENCES `comments` (`id`) ON DELETE CASCADE
);

CREATE TABLE `chart_configurations` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint,
  `project_id` bigint,
  `title` varchar(255),
  `description` longtext,
  `is_public` tinyint(1) DEFAULT 0,
  `metrics` json DEFAULT ('[]'),
  `anomalies` json DEFAULT ('[]'),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `drawings` json,
  `options` json,
  `post_id` bigint,
  `queries` json,
  `metrics_json` json DEFAULT ('{}'),
  `is_deleted` tinyint(1) DEFAULT 0,
  `is_hidden` tinyint(1) DEFAULT 0,
  `ai_description` longtext,
  PRIMARY KEY (`id`),
  KEY `chart_configurations_project_id_index` (`project_id`),
  KEY `chart_configurations_user_id_index` (`user_id`),
  CONSTRAINT `chart_configurations_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`),
  CONSTRAINT `chart_configurations_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`) ON DELETE CASCADE,
  CONSTRAINT `chart_configurations_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `chat_messages` (
  `id` char(36) NOT NULL,
  `chat_id` char(36) NOT NULL,
  `content` longtext NOT NULL,
  `role` varchar(255) NOT NULL,
  `context` json DEFAULT ('{}'),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `sources` json DEFAULT ('[]'),
  `suggestions` json DEFAULT ('[]'),
  `feedback_type` varchar(255),
  PRIMARY KEY (`id`),
  KEY `chat_messages_chat_id_index` (`chat_id`),
  KEY `chat_messages_inserted_at_index` (`inserted_at`),
  KEY `chat_messages_role_index` (`role`),
  CONSTRAINT `chat_messages_chat_id_fkey` FOREIGN KEY (`chat_id`) REFERENCES `chats` (`id`) ON DELETE CASCADE,
  CONSTRAINT `valid_feedback_type` CHECK (((`feedback_type` IN ('thumbs_up', 'thumbs_down')) OR (`feedback_type` IS NULL))),
  CONSTRAINT `valid_role` CHECK ((`role` IN ('user', 'assistant')))
);

CREATE TABLE `chats` (
  `id` char(36) NOT NULL,
  `title` varchar(255) NOT NULL,
  `user_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `type` varchar(255) NOT NULL DEFAULT 'dyor_dashboard',
  PRIMARY KEY (`id`),
  KEY `chats_anonymous_updated_at_index` (`updated_at`),
  KEY `chats_inserted_at_index` (`inserted_at`),
  KEY `chats_type_index` (`type`),
  KEY `chats_user_id_index` (`user_id`),
  KEY `chats_user_id_updated_at_index` (`user_id`, `updated_at`),
  CONSTRAINT `chats_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `classified_tweets` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `tweet_id` varchar(255) NOT NULL,
  `timestamp` datetime(0) NOT NULL,
  `screen_name` varchar(255) NOT NULL,
  `text` longtext NOT NULL,
  `url` varchar(255) NOT NULL,
  `agreement` tinyint(1) NOT NULL DEFAULT 0,
  `openai_is_prediction` tinyint(1),
  `openai_prob_true` double,
  `openai_prob_false` double,
  `openai_prob_other` double,
  `openai_time_seconds` double,
  `llama_is_prediction` tinyint(1),
  `llama_prob_true` double,
  `llama_prob_false` double,
  `llama_prob_other` double,
  `llama_time_seconds` double,
  `classification_count` int DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `review_required` tinyint(1) NOT NULL DEFAULT 1,
  `experts_is_prediction` tinyint(1),
  `prediction_direction` varchar(255),
  `base_asset` varchar(255),
  `quote_asset` varchar(255),
  PRIMARY KEY (`id`),
  KEY `classified_tweets_base_asset_index` (`base_asset`),
  KEY `classified_tweets_experts_is_prediction_index` (`experts_is_prediction`),
  KEY `classified_tweets_prediction_direction_index` (`prediction_direction`),
  KEY `classified_tweets_quote_asset_index` (`quote_asset`),
  KEY `classified_tweets_review_required_index` (`review_required`),
  KEY `disagreement_tweets_classification_count_index` (`classification_count`),
  KEY `disagreement_tweets_timestamp_index` (`timestamp`),
  UNIQUE KEY `disagreement_tweets_tweet_id_index` (`tweet_id`)
);

CREATE TABLE `clickhouse_query_executions` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint,
  `clickhouse_query_id` varchar(255) NOT NULL,
  `execution_details` json NOT NULL,
  `credits_cost` int NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `query_start_time` datetime(0) NOT NULL,
  `query_end_time` datetime(0) NOT NULL,
  `query_id` bigint,
  PRIMARY KEY (`id`),
  KEY `clickhouse_query_executions_query_id_index` (`query_id`),
  CONSTRAINT `clickhouse_query_executions_query_id_fkey` FOREIGN KEY (`query_id`) REFERENCES `queries` (`id`) ON DELETE SET NULL,
  CONSTRAINT `clickhouse_query_executions_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `oauth_clients_scopes` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `client_id` char(36),
  `scope_id` char(36),
  PRIMARY KEY (`id`),
  CONSTRAINT `oauth_clients_scopes_client_id_fkey` FOREIGN KEY (`client_id`) REFERENCES `oauth_clients` (`id`) ON DELETE CASCADE,
  CONSTRAINT `oauth_clients_scopes_scope_id_fkey` FOREIGN KEY (`scope_id`) REFERENCES `oauth_scopes` (`id`) ON DELETE CASCADE
);

CREATE TABLE `comment_notifications` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `last_insight_comment_id` int,
  `last_timeline_event_comment_id` int,
  `notify_users_map` json,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `last_chart_configuration_comment_id` int,
  `last_watchlist_comment_id` int,
  PRIMARY KEY (`id`)
);

CREATE TABLE `comments` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `content` longtext NOT NULL,
  `subcomments_count` int NOT NULL DEFAULT 0,
  `user_id` bigint NOT NULL,
  `parent_id` bigint,
  `root_parent_id` bigint,
  `edited_at` datetime(6),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `is_deleted` tinyint(1) DEFAULT 0,
  `is_hidden` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  CONSTRAINT `comments_parent_id_fkey` FOREIGN KEY (`parent_id`) REFERENCES `comments` (`id`) ON DELETE CASCADE,
  CONSTRAINT `comments_root_parent_id_fkey` FOREIGN KEY (`root_parent_id`) REFERENCES `comments` (`id`) ON DELETE CASCADE,
  CONSTRAINT `comments_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `contract_addresses` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `address` varchar(255) NOT NULL,
  `decimals` int,
  `label` varchar(255),
  `description` longtext,
  `project_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `decimals_scrape_attempted_at` datetime(0),
  PRIMARY KEY (`id`),
  UNIQUE KEY `contract_addresses_project_id_address_index` (`project_id`, `address`),
  CONSTRAINT `contract_addresses_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`)
);

CREATE TABLE `cryptocompare_exporter_progress` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `key` varchar(255) NOT NULL,
  `queue` varchar(255) NOT NULL,
  `min_timestamp` int NOT NULL,
  `max_timestamp` int NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `cryptocompare_exporter_progress_key_queue_index` (`key`, `queue`)
);

CREATE TABLE `currencies` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `code` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `currencies_code_index` (`code`)
);

CREATE TABLE `dashboard_comments_mapping` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `comment_id` bigint,
  `dashboard_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `dashboard_comments_mapping_comment_id_index` (`comment_id`),
  KEY `dashboard_comments_mapping_dashboard_id_index` (`dashboard_id`),
  CONSTRAINT `dashboard_comments_mapping_comment_id_fkey` FOREIGN KEY (`comment_id`) REFERENCES `comments` (`id`) ON DELETE CASCADE,
  CONSTRAINT `dashboard_comments_mapping_dashboard_id_fkey` FOREIGN KEY (`dashboard_id`) REFERENCES `dashboards` (`id`) ON DELETE CASCADE
);

CREATE TABLE `dashboard_query_mappings` (
  `id` char(36) NOT NULL,
  `dashboard_id` bigint,
  `query_id` bigint,
  `settings` json,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `dashboard_query_mappings_dashboard_id_index` (`dashboard_id`),
  KEY `dashboard_query_mappings_query_id_index` (`query_id`),
  CONSTRAINT `dashboard_query_mappings_dashboard_id_fkey` FOREIGN KEY (`dashboard_id`) REFERENCES `dashboards` (`id`) ON DELETE CASCADE,
  CONSTRAINT `dashboard_query_mappings_query_id_fkey` FOREIGN KEY (`query_id`) REFERENCES `queries` (`id`) ON DELETE CASCADE
);

CREATE TABLE `dashboards` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `description` longtext,
  `is_public` tinyint(1) NOT NULL DEFAULT 0,
  `panels` json,
  `user_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `is_deleted` tinyint(1) DEFAULT 0,
  `is_hidden` tinyint(1) DEFAULT 0,
  `parameters` json DEFAULT ('{}'),
  `settings` json DEFAULT ('{}'),
  `text_widgets` json,
  `image_widgets` json,
  PRIMARY KEY (`id`),
  CONSTRAINT `dashboards_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `dashboards_cache` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `dashboard_id` bigint,
  `panels` json DEFAULT ('{}'),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `queries` json DEFAULT ('{}'),
  `parameters_override_hash` varchar(255) NOT NULL DEFAULT 'none',
  PRIMARY KEY (`id`),
  UNIQUE KEY `dashboards_cache_dashboard_id_parameters_override_hash_index` (`dashboard_id`, `parameters_override_hash`),
  CONSTRAINT `dashboards_cache_dashboard_id_fkey` FOREIGN KEY (`dashboard_id`) REFERENCES `dashboards` (`id`) ON DELETE CASCADE
);

CREATE TABLE `dashboards_history` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `dashboard_id` bigint,
  `user_id` bigint,
  `panels` json,
  `name` varchar(255),
  `description` longtext,
  `is_public` tinyint(1),
  `message` longtext,
  `hash` longtext,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `parameters` json DEFAULT ('{}'),
  PRIMARY KEY (`id`),
  KEY `dashboards_history_dashboard_id_index` (`dashboard_id`),
  KEY `dashboards_history_hash_index` (`hash`(255)),
  CONSTRAINT `dashboards_history_dashboard_id_fkey` FOREIGN KEY (`dashboard_id`) REFERENCES `dashboards` (`id`),
  CONSTRAINT `dashboards_history_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `deep_research_sessions` (
  `id` char(36) NOT NULL,
  `user_id` bigint NOT NULL,
  `title` longtext NOT NULL,
  `model_tier` varchar(255) NOT NULL,
  `thread_id` varchar(255),
  `is_public` tinyint(1) NOT NULL DEFAULT 0,
  `inserted_at` datetime(0) NOT NULL,
  `updated_at` datetime(0) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `deep_research_sessions_user_id_updated_at_index` (`user_id`, `updated_at`),
  CONSTRAINT `deep_research_sessions_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `deep_research_turns` (
  `id` char(36) NOT NULL,
  `session_id` char(36) NOT NULL,
  `position` int NOT NULL,
  `question` longtext NOT NULL,
  `report` longtext,
  `error` longtext,
  `clarification` json DEFAULT ('[]'),
  `phase` varchar(255) NOT NULL DEFAULT 'planning',
  `model_tier` varchar(255),
  `timeline` json DEFAULT ('[]'),
  `sources` json DEFAULT ('[]'),
  `started_at` datetime(6) NOT NULL,
  `finished_at` datetime(6),
  `inserted_at` datetime(0) NOT NULL,
  `updated_at` datetime(0) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `deep_research_turns_session_id_position_index` (`session_id`, `position`),
  CONSTRAINT `deep_research_turns_session_id_fkey` FOREIGN KEY (`session_id`) REFERENCES `deep_research_sessions` (`id`) ON DELETE CASCADE,
  CONSTRAINT `valid_phase` CHECK ((`phase` IN ('idle', 'planning', 'researching', 'writing', 'awaiting_user', 'paused', 'completed', 'failed', 'cancelled')))
);

CREATE TABLE `discord_dashboards` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `panel_id` varchar(255),
  `name` varchar(255),
  `channel` varchar(255),
  `guild` varchar(255),
  `user_id` bigint,
  `dashboard_id` bigint,
  `pinned` tinyint(1) DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `discord_user_id` varchar(255),
  `discord_user_handle` varchar(255),
  `discord_message_id` varchar(255),
  `channel_name` varchar(255),
  `guild_name` varchar(255),
  PRIMARY KEY (`id`),
  KEY `discord_dashboards_dashboard_id_index` (`dashboard_id`),
  KEY `discord_dashboards_user_id_index` (`user_id`),
  CONSTRAINT `discord_dashboards_dashboard_id_fkey` FOREIGN KEY (`dashboard_id`) REFERENCES `dashboards` (`id`),
  CONSTRAINT `discord_dashboards_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `ecosystems` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `ecosystem` varchar(255) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `ecosystems_ecosystem_index` (`ecosystem`)
);

CREATE TABLE `email_exclusion_list` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  `reason` longtext,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `email_exclusion_list_email_index` (`email`)
);

CREATE TABLE `eth_accounts` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `address` varchar(255) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `eth_accounts_address_index` (`address`),
  CONSTRAINT `eth_accounts_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `eth_coin_circulation` (
  `timestamp` datetime(6) NOT NULL,
  `contract_address` varchar(255) NOT NULL,
  `_-1d` double,
  PRIMARY KEY (`timestamp`, `contract_address`)
);

CREATE TABLE `exchange_addresses` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `address` varchar(255) NOT NULL,
  `name` varchar(255) NOT NULL,
  `comments` longtext,
  `source` longtext,
  `is_dex` tinyint(1),
  `infrastructure_id` bigint,
  `computed_at` datetime(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `exchange_addresses_address_idx` (`address`),
  CONSTRAINT `exchange_addresses_infrastructure_id_fkey` FOREIGN KEY (`infrastructure_id`) REFERENCES `infrastructures` (`id`)
);

CREATE TABLE `exchange_market_pair_mappings` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `exchange` varchar(255) NOT NULL,
  `market_pair` varchar(255) NOT NULL,
  `from_ticker` varchar(255) NOT NULL,
  `to_ticker` varchar(255) NOT NULL,
  `from_slug` varchar(255) NOT NULL,
  `to_slug` varchar(255) NOT NULL,
  `source` varchar(255) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `exchange_market_pair_mappings_exchange_source_market_pair_index` (`exchange`, `source`, `market_pair`)
);

CREATE TABLE `faq_entries` (
  `id` char(36) NOT NULL,
  `question` longtext NOT NULL,
  `answer_markdown` longtext NOT NULL,
  `answer_html` longtext NOT NULL,
  `source_url` varchar(255),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `embedding` longtext,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `faq_entries_inserted_at_index` (`inserted_at`),
  UNIQUE KEY `faq_entries_question_index` (`question`),
  KEY `faq_entries_updated_at_index` (`updated_at`)
);

CREATE TABLE `faq_entries_tags` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `faq_entry_id` char(36),
  `tag_id` bigint,
  PRIMARY KEY (`id`),
  UNIQUE KEY `faq_entries_tags_faq_entry_id_tag_id_index` (`faq_entry_id`, `tag_id`),
  CONSTRAINT `faq_entries_tags_faq_entry_id_fkey` FOREIGN KEY (`faq_entry_id`) REFERENCES `faq_entries` (`id`),
  CONSTRAINT `faq_entries_tags_tag_id_fkey` FOREIGN KEY (`tag_id`) REFERENCES `tags` (`id`)
);

CREATE TABLE `featured_items` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `post_id` bigint,
  `user_list_id` bigint,
  `user_trigger_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `chart_configuration_id` bigint,
  `table_configuration_id` bigint,
  `dashboard_id` bigint,
  `query_id` bigint,
  PRIMARY KEY (`id`),
  UNIQUE KEY `featured_items_chart_configuration_id_index` (`chart_configuration_id`),
  UNIQUE KEY `featured_items_dashboard_id_index` (`dashboard_id`),
  UNIQUE KEY `featured_items_post_id_index` (`post_id`),
  UNIQUE KEY `featured_items_query_id_index` (`query_id`),
  UNIQUE KEY `featured_items_table_configuration_id_index` (`table_configuration_id`),
  UNIQUE KEY `featured_items_user_list_id_index` (`user_list_id`),
  UNIQUE KEY `featured_items_user_trigger_id_index` (`user_trigger_id`),
  CONSTRAINT `featured_items_chart_configuration_id_fkey` FOREIGN KEY (`chart_configuration_id`) REFERENCES `chart_configurations` (`id`) ON DELETE CASCADE,
  CONSTRAINT `featured_items_dashboard_id_fkey` FOREIGN KEY (`dashboard_id`) REFERENCES `dashboards` (`id`),
  CONSTRAINT `featured_items_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE,
  CONSTRAINT `featured_items_query_id_fkey` FOREIGN KEY (`query_id`) REFERENCES `queries` (`id`),
  CONSTRAINT `featured_items_table_configuration_id_fkey` FOREIGN KEY (`table_configuration_id`) REFERENCES `table_configurations` (`id`) ON DELETE CASCADE,
  CONSTRAINT `featured_items_user_list_id_fkey` FOREIGN KEY (`user_list_id`) REFERENCES `user_lists` (`id`) ON DELETE CASCADE,
  CONSTRAINT `featured_items_user_trigger_id_fkey` FOREIGN KEY (`user_trigger_id`) REFERENCES `user_triggers` (`id`) ON DELETE CASCADE,
  CONSTRAINT `only_one_fk` CHECK (((((((((CASE WHEN (`post_id` IS NULL) THEN 0 ELSE 1 END) + (CASE WHEN (`user_list_id` IS NULL) THEN 0 ELSE 1 END)) + (CASE WHEN (`user_trigger_id` IS NULL) THEN 0 ELSE 1 END)) + (CASE WHEN (`chart_configuration_id` IS NULL) THEN 0 ELSE 1 END)) + (CASE WHEN (`table_configuration_id` IS NULL) THEN 0 ELSE 1 END)) + (CASE WHEN (`dashboard_id` IS NULL) THEN 0 ELSE 1 END)) + (CASE WHEN (`query_id` IS NULL) THEN 0 ELSE 1 END)) = 1))
);

CREATE TABLE `geoip_data` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `ip_address` varchar(255) NOT NULL,
  `is_vpn` tinyint(1) NOT NULL,
  `country_name` varchar(255) NOT NULL,
  `country_code` varchar(255) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `geoip_data_ip_address_index` (`ip_address`)
);

CREATE TABLE `github_organizations` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `organization` varchar(255),
  `project_id` bigint,
  PRIMARY KEY (`id`),
  UNIQUE KEY `github_organizations_project_id_organization_index` (`project_id`, `organization`),
  CONSTRAINT `github_organizations_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`) ON DELETE CASCADE
);

CREATE TABLE `gpt_router` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `question` longtext,
  `route` varchar(255),
  `scores` json DEFAULT ('{}'),
  `error` longtext,
  `elapsed_time` int,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `timeframe` int DEFAULT -1,
  `sentiment` tinyint(1) DEFAULT 0,
  `projects` json DEFAULT ('[]'),
  PRIMARY KEY (`id`)
);

CREATE TABLE `guardian_tokens` (
  `jti` varchar(255) NOT NULL,
  `typ` varchar(255),
  `aud` varchar(255),
  `iss` varchar(255),
  `sub` varchar(255),
  `exp` bigint,
  `jwt` longtext,
  `claims` json,
  `last_exchanged_at` datetime(0),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`jti`)
);

CREATE TABLE `ico_currencies` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `ico_id` bigint NOT NULL,
  `currency_id` bigint NOT NULL,
  `amount` decimal(65,30),
  PRIMARY KEY (`id`),
  KEY `ico_currencies_currency_id_index` (`currency_id`),
  KEY `ico_currencies_ico_id_index` (`ico_id`),
  UNIQUE KEY `ico_currencies_uk` (`ico_id`, `currency_id`),
  CONSTRAINT `ico_currencies_currency_id_fkey` FOREIGN KEY (`currency_id`) REFERENCES `currencies` (`id`) ON DELETE CASCADE,
  CONSTRAINT `ico_currencies_ico_id_fkey` FOREIGN KEY (`ico_id`) REFERENCES `icos` (`id`) ON DELETE CASCADE
);

CREATE TABLE `icos` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` bigint NOT NULL,
  `start_date` date,
  `end_date` date,
  `tokens_issued_at_ico` decimal(65,30),
  `tokens_sold_at_ico` decimal(65,30),
  `minimal_cap_amount` decimal(65,30),
  `maximal_cap_amount` decimal(65,30),
  `cap_currency_id` bigint,
  `comments` longtext,
  `contract_block_number` int,
  `contract_abi` longtext,
  `token_usd_ico_price` decimal(65,30),
  `token_eth_ico_price` decimal(65,30),
  `token_btc_ico_price` decimal(65,30),
  PRIMARY KEY (`id`),
  CONSTRAINT `icos_cap_currency_id_fkey` FOREIGN KEY (`cap_currency_id`) REFERENCES `currencies` (`id`),
  CONSTRAINT `icos_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`) ON DELETE CASCADE
);

CREATE TABLE `images` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `url` longtext NOT NULL,
  `name` varchar(255) NOT NULL,
  `notes` longtext,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`)
);

CREATE TABLE `infrastructures` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `code` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `infrastructures_code_index` (`code`)
);

CREATE TABLE `insight_categories` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `description` longtext,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `insight_categories_name_index` (`name`)
);

CREATE TABLE `insight_category_mapping` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `post_id` bigint NOT NULL,
  `category_id` bigint NOT NULL,
  `source` varchar(255) NOT NULL DEFAULT 'ai',
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `insight_category_mapping_category_id_index` (`category_id`),
  UNIQUE KEY `insight_category_mapping_post_id_category_id_index` (`post_id`, `category_id`),
  KEY `insight_category_mapping_post_id_index` (`post_id`),
  KEY `insight_category_mapping_source_index` (`source`),
  CONSTRAINT `insight_category_mapping_category_id_fkey` FOREIGN KEY (`category_id`) REFERENCES `insight_categories` (`id`) ON DELETE CASCADE,
  CONSTRAINT `insight_category_mapping_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE
);

CREATE TABLE `invoice_archives` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `year` int NOT NULL,
  `month` int NOT NULL,
  `status` varchar(255) NOT NULL DEFAULT 'pending',
  `s3_key` varchar(255),
  `invoice_count` int DEFAULT 0,
  `total_amount` int DEFAULT 0,
  `file_size` int,
  `error_message` varchar(255),
  `generated_by` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `invoice_archives_year_month_index` (`year`, `month`),
  CONSTRAINT `invoice_archives_generated_by_fkey` FOREIGN KEY (`generated_by`) REFERENCES `users` (`id`) ON DELETE SET NULL
);

CREATE TABLE `latest_coinmarketcap_data` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `coinmarketcap_id` varchar(255) NOT NULL,
  `name` varchar(255),
  `symbol` varchar(255),
  `price_usd` decimal(65,30),
  `market_cap_usd` decimal(65,30),
  `update_time` datetime(6),
  `rank` int,
  `volume_usd` decimal(65,30),
  `available_supply` decimal(65,30),
  `total_supply` decimal(65,30),
  `percent_change_1h` decimal(65,30),
  `percent_change_24h` decimal(65,30),
  `percent_change_7d` decimal(65,30),
  `price_btc` decimal(65,30),
  `logo_hash` varchar(255),
  `logo_updated_at` datetime(6),
  `coinmarketcap_integer_id` int,
  PRIMARY KEY (`id`),
  UNIQUE KEY `latest_coinmarketcap_data_coinmarketcap_id_index` (`coinmarketcap_id`)
);

CREATE TABLE `linked_users` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `primary_user_id` bigint NOT NULL,
  `secondary_user_id` bigint NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `linked_users_secondary_user_id_index` (`secondary_user_id`),
  CONSTRAINT `linked_users_primary_user_id_fkey` FOREIGN KEY (`primary_user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `linked_users_secondary_user_id_fkey` FOREIGN KEY (`secondary_user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `linked_users_candidates` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `primary_user_id` bigint NOT NULL,
  `secondary_user_id` bigint NOT NULL,
  `token` varchar(255) NOT NULL,
  `is_confirmed` tinyint(1) NOT NULL DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `linked_users_candidates_token_index` (`token`),
  CONSTRAINT `linked_users_candidates_primary_user_id_fkey` FOREIGN KEY (`primary_user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `linked_users_candidates_secondary_user_id_fkey` FOREIGN KEY (`secondary_user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `list_items` (
  `user_list_id` bigint NOT NULL,
  `project_id` bigint,
  `blockchain_address_user_pair_id` bigint,
  `id` int NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (`id`),
  UNIQUE KEY `list_items_user_list_id_blockchain_address_user_pair_id_index` (`user_list_id`, `blockchain_address_user_pair_id`),
  UNIQUE KEY `list_items_user_list_id_project_id_index` (`user_list_id`, `project_id`),
  CONSTRAINT `list_items_blockchain_address_user_pair_id_fkey` FOREIGN KEY (`blockchain_address_user_pair_id`) REFERENCES `blockchain_address_user_pairs` (`id`),
  CONSTRAINT `list_items_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`),
  CONSTRAINT `list_items_user_list_id_fkey` FOREIGN KEY (`user_list_id`) REFERENCES `user_lists` (`id`) ON DELETE CASCADE,
  CONSTRAINT `only_one_fk_2` CHECK ((((CASE WHEN (`blockchain_address_user_pair_id` IS NULL) THEN 0 ELSE 1 END) + (CASE WHEN (`project_id` IS NULL) THEN 0 ELSE 1 END)) = 1))
);

CREATE TABLE `major_topics` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `batch_id` bigint NOT NULL,
  `ch_id` longtext NOT NULL,
  `topic_id` int NOT NULL,
  `label` longtext NOT NULL,
  `original_label` longtext NOT NULL,
  `top_words` longtext NOT NULL,
  `description` longtext NOT NULL DEFAULT (''),
  `is_crypto_relevant` tinyint(1) NOT NULL DEFAULT 1,
  `is_removed` tinyint(1) NOT NULL DEFAULT 0,
  `position` int NOT NULL DEFAULT 0,
  `values` json NOT NULL DEFAULT ('[]'),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `major_topics_batch_id_ch_id_index` (`batch_id`, `ch_id`),
  KEY `major_topics_batch_id_index` (`batch_id`),
  CONSTRAINT `major_topics_batch_id_fkey` FOREIGN KEY (`batch_id`) REFERENCES `topic_batches` (`id`) ON DELETE CASCADE
);

CREATE TABLE `market_segments` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `type` varchar(255),
  PRIMARY KEY (`id`),
  UNIQUE KEY `market_segments_name_index` (`name`)
);

CREATE TABLE `mcp_tool_invocations` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint,
  `tool_name` varchar(255) NOT NULL,
  `params` json DEFAULT ('{}'),
  `metrics` json DEFAULT ('[]'),
  `slugs` json DEFAULT ('[]'),
  `response_size_bytes` int,
  `is_successful` tinyint(1) NOT NULL,
  `error_message` longtext,
  `duration_ms` int NOT NULL,
  `auth_method` varchar(255),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `user_agent` varchar(512),
  `client` varchar(32),
  `session_id` varchar(128),
  `kind` varchar(255) NOT NULL DEFAULT 'tool',
  `product_code` varchar(16),
  `plan_name` varchar(32),
  PRIMARY KEY (`id`),
  KEY `mcp_tool_invocations_client_index` (`client`),
  KEY `mcp_tool_invocations_client_inserted_at_index` (`client`, `inserted_at`),
  KEY `mcp_tool_invocations_inserted_at_index` (`inserted_at`),
  KEY `mcp_tool_invocations_kind_inserted_at_index` (`kind`, `inserted_at`),
  KEY `mcp_tool_invocations_plan_name_inserted_at_index` (`plan_name`, `inserted_at`),
  KEY `mcp_tool_invocations_product_code_inserted_at_index` (`product_code`, `inserted_at`),
  KEY `mcp_tool_invocations_session_id_index` (`session_id`),
  KEY `mcp_tool_invocations_tool_name_index` (`tool_name`),
  KEY `mcp_tool_invocations_user_id_index` (`user_id`),
  KEY `mcp_tool_invocations_user_id_inserted_at_index` (`user_id`, `inserted_at`),
  KEY `mcp_tool_invocations_user_id_tool_name_inserted_at_index` (`user_id`, `tool_name`, `inserted_at`),
  CONSTRAINT `mcp_tool_invocations_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE SET NULL
);

CREATE TABLE `menu_items` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `parent_id` bigint,
  `query_id` bigint,
  `dashboard_id` bigint,
  `menu_id` bigint,
  `position` int,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `menu_items_dashboard_id_fkey` FOREIGN KEY (`dashboard_id`) REFERENCES `dashboards` (`id`) ON DELETE CASCADE,
  CONSTRAINT `menu_items_menu_id_fkey` FOREIGN KEY (`menu_id`) REFERENCES `menus` (`id`) ON DELETE CASCADE,
  CONSTRAINT `menu_items_parent_id_fkey` FOREIGN KEY (`parent_id`) REFERENCES `menus` (`id`) ON DELETE CASCADE,
  CONSTRAINT `menu_items_query_id_fkey` FOREIGN KEY (`query_id`) REFERENCES `queries` (`id`) ON DELETE CASCADE,
  CONSTRAINT `only_one_fk_3` CHECK (((((CASE WHEN (`query_id` IS NULL) THEN 0 ELSE 1 END) + (CASE WHEN (`dashboard_id` IS NULL) THEN 0 ELSE 1 END)) + (CASE WHEN (`menu_id` IS NULL) THEN 0 ELSE 1 END)) = 1))
);

CREATE TABLE `menus` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255),
  `description` varchar(255),
  `parent_id` bigint,
  `user_id` bigint,
  `is_global` tinyint(1) DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `menus_user_id_index` (`user_id`),
  CONSTRAINT `menus_parent_id_fkey` FOREIGN KEY (`parent_id`) REFERENCES `menus` (`id`) ON DELETE CASCADE,
  CONSTRAINT `menus_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `metric_categories` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `short_description` longtext,
  `description` longtext,
  `display_order` int,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `metric_categories_name_index` (`name`)
);

CREATE TABLE `metric_category_mappings` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `metric_registry_id` bigint,
  `module` varchar(255),
  `metric` varchar(255),
  `category_id` bigint NOT NULL,
  `group_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `display_order` int,
  PRIMARY KEY (`id`),
  KEY `metric_category_mappings_category_id_index` (`category_id`),
  CONSTRAINT `metric_category_mappings_category_id_fkey` FOREIGN KEY (`category_id`) REFERENCES `metric_categories` (`id`) ON DELETE CASCADE,
  CONSTRAINT `metric_category_mappings_group_id_fkey` FOREIGN KEY (`group_id`) REFERENCES `metric_groups` (`id`) ON DELETE CASCADE,
  CONSTRAINT `metric_category_mappings_metric_registry_id_fkey` FOREIGN KEY (`metric_registry_id`) REFERENCES `metric_registry` (`id`),
  CONSTRAINT `only_one_metric_identifier` CHECK ((((`metric_registry_id` IS NOT NULL) AND (`module` IS NULL) AND (`metric` IS NULL)) OR ((`metric_registry_id` IS NULL) AND (`module` IS NOT NULL) AND (`metric` IS NOT NULL))))
);

CREATE TABLE `metric_display_order` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `metric` varchar(255),
  `registry_metric` varchar(255),
  `args` json DEFAULT ('{}'),
  `category_id` bigint NOT NULL,
  `group_id` bigint,
  `display_order` int NOT NULL,
  `source_type` varchar(255) DEFAULT 'code',
  `code_module` varchar(255),
  `metric_registry_id` bigint,
  `ui_human_readable_name` varchar(255),
  `chart_style` varchar(255) DEFAULT 'line',
  `unit` varchar(255) DEFAULT '',
  `description` longtext,
  `type` varchar(255) DEFAULT 'metric',
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `ui_key` varchar(255),
  `short_label` varchar(255),
  `status` varchar(255) NOT NULL DEFAULT 'live',
  PRIMARY KEY (`id`),
  CONSTRAINT `metric_display_order_category_id_fkey` FOREIGN KEY (`category_id`) REFERENCES `ui_metadata_categories` (`id`) ON DELETE CASCADE,
  CONSTRAINT `metric_display_order_group_id_fkey` FOREIGN KEY (`group_id`) REFERENCES `ui_metadata_groups` (`id`) ON DELETE CASCADE,
  CONSTRAINT `metric_display_order_metric_registry_id_fkey` FOREIGN KEY (`metric_registry_id`) REFERENCES `metric_registry` (`id`) ON DELETE CASCADE
);

CREATE TABLE `metric_groups` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `short_description` longtext,
  `description` longtext,
  `display_order` int,
  `category_id` bigint NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `metric_groups_name_category_id_index` (`name`, `category_id`),
  CONSTRAINT `metric_groups_category_id_fkey` FOREIGN KEY (`category_id`) REFERENCES `metric_categories` (`id`) ON DELETE CASCADE
);

CREATE TABLE `metric_registry` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `metric` varchar(255) NOT NULL,
  `internal_metric` varchar(255) NOT NULL,
  `human_readable_name` varchar(255) NOT NULL,
  `aliases` json,
  `tables` json NOT NULL,
  `is_template` tinyint(1) NOT NULL DEFAULT 0,
  `parameters` json NOT NULL DEFAULT ('{}'),
  `fixed_parameters` json DEFAULT ('{}'),
  `is_timebound` tinyint(1) NOT NULL,
  `exposed_environments` varchar(255) NOT NULL DEFAULT 'all',
  `version` varchar(255),
  `selectors` json,
  `required_selectors` json,
  `access` varchar(255) NOT NULL,
  `sanbase_min_plan` varchar(255) NOT NULL DEFAULT 'free',
  `sanapi_min_plan` varchar(255) NOT NULL DEFAULT 'free',
  `default_aggregation` varchar(255) NOT NULL,
  `min_interval` varchar(255) NOT NULL,
  `has_incomplete_data` tinyint(1) NOT NULL,
  `data_type` varchar(255) NOT NULL DEFAULT 'timeseries',
  `docs` json,
  `is_hidden` tinyint(1) NOT NULL DEFAULT 0,
  `is_deprecated` tinyint(1) NOT NULL DEFAULT 0,
  `hard_deprecate_after` datetime(0) DEFAULT NULL,
  `deprecation_note` longtext,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `status` varchar(255) NOT NULL DEFAULT 'released',
  `is_verified` tinyint(1) NOT NULL DEFAULT 1,
  `sync_status` varchar(255) NOT NULL DEFAULT 'synced',
  `last_sync_datetime` datetime(0),
  `stabilization_period` varchar(255),
  `can_mutate` tinyint(1),
  `allow_early_access` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`)
);

CREATE TABLE `metric_registry_change_suggestions` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `metric_registry_id` bigint,
  `status` varchar(255) NOT NULL DEFAULT 'pending_approval',
  `changes` longtext NOT NULL,
  `notes` longtext,
  `submitted_by` varchar(255),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `metric_registry_change_suggestions_metric_registry_id_fkey` FOREIGN KEY (`metric_registry_id`) REFERENCES `metric_registry` (`id`) ON DELETE CASCADE
);

CREATE TABLE `metric_registry_changelog` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `metric_registry_id` bigint,
  `old` longtext,
  `new` longtext,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `change_trigger` varchar(255),
  PRIMARY KEY (`id`),
  KEY `metric_registry_changelog_metric_registry_id_index` (`metric_registry_id`),
  CONSTRAINT `metric_registry_changelog_metric_registry_id_fkey` FOREIGN KEY (`metric_registry_id`) REFERENCES `metric_registry` (`id`)
);

CREATE TABLE `metric_registry_sync_runs` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `uuid` varchar(255),
  `sync_type` varchar(255),
  `status` varchar(255),
  `content` longtext,
  `actual_changes` longtext,
  `errors` longtext,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `is_dry_run` tinyint(1) DEFAULT 0,
  `started_by` varchar(255),
  PRIMARY KEY (`id`),
  UNIQUE KEY `metric_registry_sync_runs_uuid_sync_type_index` (`uuid`, `sync_type`)
);

CREATE TABLE `metric_tag_mappings` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `metric_registry_id` bigint,
  `module` varchar(255),
  `metric` varchar(255),
  `tag_id` bigint NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `metric_tag_mappings_tag_id_index` (`tag_id`),
  CONSTRAINT `metric_tag_mappings_metric_registry_id_fkey` FOREIGN KEY (`metric_registry_id`) REFERENCES `metric_registry` (`id`) ON DELETE CASCADE,
  CONSTRAINT `metric_tag_mappings_tag_id_fkey` FOREIGN KEY (`tag_id`) REFERENCES `metric_tags` (`id`) ON DELETE CASCADE,
  CONSTRAINT `only_one_metric_identifier_2` CHECK ((((`metric_registry_id` IS NOT NULL) AND (`module` IS NULL) AND (`metric` IS NULL)) OR ((`metric_registry_id` IS NULL) AND (`module` IS NOT NULL) AND (`metric` IS NOT NULL))))
);

CREATE TABLE `metric_tags` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `description` longtext,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `metric_tags_name_index` (`name`)
);

CREATE TABLE `metric_ui_metadata` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `ui_human_readable_name` varchar(255),
  `ui_key` varchar(255),
  `chart_style` varchar(255) DEFAULT 'line',
  `unit` varchar(255) DEFAULT '',
  `args` json DEFAULT ('{}'),
  `show_on_sanbase` tinyint(1) DEFAULT 1,
  `display_order_in_mapping` int,
  `metric_category_mapping_id` bigint NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `metric` varchar(255),
  `status` varchar(255) NOT NULL DEFAULT 'live',
  PRIMARY KEY (`id`),
  UNIQUE KEY `metric_ui_metadata_ui_key_index` (`ui_key`),
  CONSTRAINT `metric_ui_metadata_metric_category_mapping_id_fkey` FOREIGN KEY (`metric_category_mapping_id`) REFERENCES `metric_category_mappings` (`id`) ON DELETE CASCADE
);

CREATE TABLE `metrics` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `metrics_name_index` (`name`)
);

CREATE TABLE `monitored_twitter_handles` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `handle` varchar(255) NOT NULL,
  `origin` varchar(255) NOT NULL,
  `notes` longtext,
  `user_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `status` varchar(255) DEFAULT 'pending_approval',
  `comment` longtext,
  PRIMARY KEY (`id`),
  UNIQUE KEY `monitored_twitter_handles_handle_index` (`handle`),
  CONSTRAINT `monitored_twitter_handles_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `newsletter_tokens` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `token` varchar(255),
  `email` varchar(255),
  `email_token_generated_at` datetime(0),
  `email_token_validated_at` datetime(0),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `email_token_uk` (`email`, `token`)
);

CREATE TABLE `node_memory_stats` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `pod_name` varchar(255) NOT NULL,
  `container_type` varchar(255) NOT NULL,
  `beam_started_at` datetime(0) NOT NULL,
  `rss_bytes` bigint,
  `vm_total_bytes` bigint NOT NULL,
  `vm_processes_bytes` bigint NOT NULL,
  `vm_binary_bytes` bigint NOT NULL,
  `vm_ets_bytes` bigint NOT NULL,
  `vm_code_bytes` bigint NOT NULL,
  `alloc_used_bytes` bigint,
  `alloc_allocated_bytes` bigint,
  `process_count` int NOT NULL,
  `atom_count` int NOT NULL,
  `sample_duration_ms` int NOT NULL,
  `details` json NOT NULL DEFAULT ('{}'),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `rss_hwm_bytes` bigint,
  PRIMARY KEY (`id`),
  KEY `node_memory_stats_inserted_at_index` (`inserted_at`),
  KEY `node_memory_stats_pod_name_inserted_at_index` (`pod_name`, `inserted_at`)
);

CREATE TABLE `non_crypto_assets` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `slug` varchar(255) NOT NULL,
  `name` varchar(255) NOT NULL,
  `ticker` varchar(255),
  `asset_type` varchar(255) NOT NULL,
  `description` longtext,
  `logo_url` varchar(255),
  `website_link` varchar(255),
  `is_hidden` tinyint(1) NOT NULL DEFAULT 0,
  `hidden_since` datetime(0),
  `hidden_reason` longtext,
  `metadata` json DEFAULT ('{}'),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `non_crypto_assets_asset_type_index` (`asset_type`),
  UNIQUE KEY `non_crypto_assets_slug_index` (`slug`),
  CONSTRAINT `valid_asset_type` CHECK ((`asset_type` IN ('stock', 'commodity', 'index', 'forex', 'fund', 'bond', 'other')))
);

CREATE TABLE `notification_muted_users` (
  `user_id` bigint NOT NULL,
  `muted_user_id` bigint NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  PRIMARY KEY (`user_id`, `muted_user_id`),
  KEY `notification_muted_users_muted_user_id_index` (`muted_user_id`),
  CONSTRAINT `notification_muted_users_muted_user_id_fkey` FOREIGN KEY (`muted_user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE,
  CONSTRAINT `notification_muted_users_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE,
  CONSTRAINT `cannot_mute_self` CHECK ((`user_id` <> `muted_user_id`))
);

CREATE TABLE `notification_templates` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `channel` varchar(255),
  `action` varchar(255),
  `step` varchar(255),
  `template` longtext,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `mime_type` varchar(255) DEFAULT 'text/plain',
  `required_params` json DEFAULT ('[]'),
  PRIMARY KEY (`id`),
  UNIQUE KEY `notification_templates_action_step_channel_mime_type_index` (`action`, `step`, `channel`, `mime_type`),
  KEY `notification_templates_channel_index` (`channel`)
);

CREATE TABLE `notifications` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `action` varchar(255),
  `params` json,
  `step` varchar(255),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `channel` varchar(255) NOT NULL,
  `status` varchar(255) NOT NULL DEFAULT 'available',
  `job_id` bigint,
  `is_manual` tinyint(1) NOT NULL DEFAULT 0,
  `metric_registry_id` bigint,
  `notification_template_id` bigint,
  `scheduled_at` datetime(0),
  PRIMARY KEY (`id`),
  KEY `notifications_job_id_index` (`job_id`),
  KEY `notifications_metric_registry_id_index` (`metric_registry_id`),
  KEY `notifications_notification_template_id_index` (`notification_template_id`),
  KEY `notifications_status_index` (`status`),
  CONSTRAINT `notifications_metric_registry_id_fkey` FOREIGN KEY (`metric_registry_id`) REFERENCES `metric_registry` (`id`),
  CONSTRAINT `notifications_notification_template_id_fkey` FOREIGN KEY (`notification_template_id`) REFERENCES `notification_templates` (`id`)
);

CREATE TABLE `oauth_clients` (
  `id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL DEFAULT '',
  `secret` varchar(255) NOT NULL,
  `redirect_uris` json NOT NULL DEFAULT ('[]'),
  `scope` varchar(255),
  `authorize_scope` tinyint(1) NOT NULL DEFAULT 0,
  `supported_grant_types` json NOT NULL DEFAULT ('["client_credentials","password","authorization_code","refresh_token","implicit","revoke","introspect"]'),
  `authorization_code_ttl` int NOT NULL,
  `access_token_ttl` int NOT NULL,
  `pkce` tinyint(1) NOT NULL DEFAULT 0,
  `public_key` longtext,
  `private_key` longtext NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `id_token_ttl` int DEFAULT 3600,
  `public_refresh_token` tinyint(1) NOT NULL DEFAULT 0,
  `refresh_token_ttl` int NOT NULL DEFAULT 2592000,
  `public_revoke` tinyint(1) NOT NULL DEFAULT 0,
  `id_token_signature_alg` varchar(255) DEFAULT 'RS512',
  `confidential` tinyint(1) NOT NULL DEFAULT 0,
  `jwt_public_key` longtext,
  `token_endpoint_auth_methods` json NOT NULL DEFAULT ('["client_secret_basic","client_secret_post"]'),
  `token_endpoint_jwt_auth_alg` varchar(255) NOT NULL DEFAULT 'HS256',
  `userinfo_signed_response_alg` varchar(255),
  `jwks_uri` varchar(255),
  `id_token_kid` varchar(255),
  `metadata` json NOT NULL DEFAULT ('{}'),
  `logo_uri` varchar(255),
  PRIMARY KEY (`id`),
  UNIQUE KEY `oauth_clients_id_secret_index` (`id`, `secret`)
);

CREATE TABLE `oauth_scopes` (
  `id` char(36) NOT NULL,
  `label` varchar(255),
  `name` varchar(255) DEFAULT '',
  `public` tinyint(1) NOT NULL DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `oauth_scopes_name_index` (`name`)
);

CREATE TABLE `oauth_tokens` (
  `id` char(36) NOT NULL,
  `type` varchar(255),
  `value` varchar(255),
  `refresh_token` varchar(255),
  `expires_at` int,
  `redirect_uri` varchar(255),
  `state` varchar(255),
  `scope` varchar(255) DEFAULT '',
  `revoked_at` datetime(6),
  `code_challenge_hash` varchar(255),
  `code_challenge_method` varchar(255),
  `client_id` char(36),
  `sub` varchar(255),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `nonce` varchar(255),
  `previous_token` varchar(255),
  `refresh_token_revoked_at` datetime(6),
  `previous_code` varchar(255),
  PRIMARY KEY (`id`),
  UNIQUE KEY `oauth_tokens_client_id_refresh_token_index` (`client_id`, `refresh_token`),
  UNIQUE KEY `oauth_tokens_client_id_value_index` (`client_id`, `value`),
  KEY `oauth_tokens_value_index` (`value`),
  CONSTRAINT `oauth_tokens_client_id_fkey` FOREIGN KEY (`client_id`) REFERENCES `oauth_clients` (`id`) ON DELETE SET NULL
);

CREATE TABLE `oban_jobs` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `state` enum('available','suspended','scheduled','executing','retryable','completed','discarded','cancelled') NOT NULL DEFAULT 'available',
  `queue` longtext NOT NULL DEFAULT ('default'),
  `worker` longtext NOT NULL,
  `args` json NOT NULL DEFAULT ('{}'),
  `errors` json NOT NULL DEFAULT ('[]'),
  `attempt` int NOT NULL DEFAULT 0,
  `max_attempts` int NOT NULL DEFAULT 20,
  `inserted_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `scheduled_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `attempted_at` datetime(6),
  `completed_at` datetime(6),
  `attempted_by` json,
  `discarded_at` datetime(6),
  `priority` int NOT NULL DEFAULT 0,
  `tags` json DEFAULT ('[]'),
  `meta` json DEFAULT ('{}'),
  `cancelled_at` datetime(6),
  PRIMARY KEY (`id`),
  KEY `oban_jobs_state_cancelled_at_index` (`state`, `cancelled_at`),
  KEY `oban_jobs_state_discarded_at_index` (`state`, `discarded_at`),
  KEY `oban_jobs_state_queue_priority_scheduled_at_id_index` (`state`, `queue`(255), `priority`, `scheduled_at`, `id`),
  CONSTRAINT `attempt_range` CHECK (((`attempt` >= 0) AND (`attempt` <= `max_attempts`))),
  CONSTRAINT `positive_max_attempts` CHECK ((`max_attempts` > 0)),
  CONSTRAINT `queue_length` CHECK (((CHAR_LENGTH(`queue`) > 0) AND (CHAR_LENGTH(`queue`) < 128))),
  CONSTRAINT `worker_length` CHECK (((CHAR_LENGTH(`worker`) > 0) AND (CHAR_LENGTH(`worker`) < 128))),
  CONSTRAINT `non_negative_priority` CHECK ((`priority` >= 0))
) COMMENT='14';

CREATE TABLE `oban_peers` (
  `name` varchar(255) NOT NULL,
  `node` longtext NOT NULL,
  `started_at` datetime(6) NOT NULL,
  `expires_at` datetime(6) NOT NULL,
  PRIMARY KEY (`name`)
);

CREATE TABLE `plans` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `amount` int NOT NULL,
  `currency` varchar(255) NOT NULL,
  `interval` varchar(255) NOT NULL,
  `product_id` bigint NOT NULL,
  `stripe_id` varchar(255),
  `is_deprecated` tinyint(1) DEFAULT 0,
  `order` int DEFAULT 0,
  `is_private` tinyint(1) DEFAULT 0,
  `has_custom_restrictions` tinyint(1) NOT NULL DEFAULT 0,
  `restrictions` json,
  `is_ppp` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `plans_stripe_id_index` (`stripe_id`),
  CONSTRAINT `plans_product_id_fkey` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`)
);

CREATE TABLE `popular_search_terms` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `search_term` varchar(255) NOT NULL,
  `selector_type` varchar(255) NOT NULL DEFAULT 'text',
  `datetime` datetime(6),
  `title` varchar(255) NOT NULL,
  `options` json,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`)
);

CREATE TABLE `post_comments_mapping` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `comment_id` bigint,
  `post_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `post_comments_mapping_comment_id_index` (`comment_id`),
  KEY `post_comments_mapping_post_id_index` (`post_id`),
  CONSTRAINT `post_comments_mapping_comment_id_fkey` FOREIGN KEY (`comment_id`) REFERENCES `comments` (`id`) ON DELETE CASCADE,
  CONSTRAINT `post_comments_mapping_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE
);

CREATE TABLE `post_images` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `file_name` longtext,
  `image_url` longtext NOT NULL,
  `content_hash` longtext NOT NULL,
  `hash_algorithm` longtext NOT NULL,
  `post_id` bigint,
  `image_url_w400` longtext,
  `image_url_w800` longtext,
  `image_url_w1200` longtext,
  `image_url_w2000` longtext,
  PRIMARY KEY (`id`),
  UNIQUE KEY `post_images_image_url_index` (`image_url`),
  KEY `post_images_post_id_index` (`post_id`),
  CONSTRAINT `post_images_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE SET NULL
);

CREATE TABLE `posts` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `title` varchar(255) NOT NULL,
  `link` longtext,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `state` varchar(255),
  `moderation_comment` varchar(255),
  `short_desc` longtext,
  `text` longtext,
  `ready_state` varchar(255) DEFAULT 'draft',
  `published_at` datetime(6),
  `is_pulse` tinyint(1) DEFAULT 0,
  `is_paywall_required` tinyint(1) DEFAULT 0,
  `metrics` json DEFAULT ('[]'),
  `prediction` varchar(255) DEFAULT NULL,
  `price_chart_project_id` bigint,
  `document_tokens` longtext,
  `is_chart_event` tinyint(1) DEFAULT 0,
  `chart_event_datetime` datetime(0),
  `chart_configuration_for_event_id` bigint,
  `is_deleted` tinyint(1) DEFAULT 0,
  `is_hidden` tinyint(1) DEFAULT 0,
  `ai_description` longtext,
  PRIMARY KEY (`id`),
  CONSTRAINT `posts_chart_configuration_for_event_id_fkey` FOREIGN KEY (`chart_configuration_for_event_id`) REFERENCES `chart_configurations` (`id`),
  CONSTRAINT `posts_price_chart_project_id_fkey` FOREIGN KEY (`price_chart_project_id`) REFERENCES `project` (`id`),
  CONSTRAINT `posts_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `posts_embeddings` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `post_id` bigint NOT NULL,
  `embedding` longtext NOT NULL,
  `text_chunk` longtext NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `chunk_index` int,
  PRIMARY KEY (`id`),
  KEY `posts_embeddings_post_id_index` (`post_id`),
  CONSTRAINT `posts_embeddings_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE,
  CONSTRAINT `posts_embeddings_chunk_index_non_negative` CHECK (((`chunk_index` IS NULL) OR (`chunk_index` >= 0)))
);

CREATE TABLE `posts_metrics` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `post_id` bigint,
  `metric_id` bigint,
  PRIMARY KEY (`id`),
  KEY `posts_metrics_post_id_index` (`post_id`),
  UNIQUE KEY `posts_metrics_post_id_metric_id_index` (`post_id`, `metric_id`),
  CONSTRAINT `posts_metrics_metric_id_fkey` FOREIGN KEY (`metric_id`) REFERENCES `metrics` (`id`) ON DELETE CASCADE,
  CONSTRAINT `posts_metrics_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE
);

CREATE TABLE `posts_projects` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `post_id` bigint,
  `project_id` bigint,
  PRIMARY KEY (`id`),
  UNIQUE KEY `posts_projects_post_id_project_id_index` (`post_id`, `project_id`),
  CONSTRAINT `posts_projects_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`),
  CONSTRAINT `posts_projects_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`)
);

CREATE TABLE `posts_tags` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `post_id` bigint,
  `tag_id` bigint,
  PRIMARY KEY (`id`),
  KEY `posts_tags_post_id_index` (`post_id`),
  CONSTRAINT `posts_tags_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE,
  CONSTRAINT `posts_tags_tag_id_fkey` FOREIGN KEY (`tag_id`) REFERENCES `tags` (`id`) ON DELETE CASCADE
);

CREATE TABLE `presigned_s3_urls` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `bucket` varchar(255) NOT NULL,
  `object` varchar(255) NOT NULL,
  `presigned_url` longtext NOT NULL,
  `expires_at` datetime(0) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `presigned_s3_urls_user_id_bucket_object_index` (`user_id`, `bucket`, `object`),
  CONSTRAINT `presigned_s3_urls_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `price_migration_tmp` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `slug` varchar(255) NOT NULL,
  `is_migrated` tinyint(1) DEFAULT 0,
  `progress` longtext,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`)
);

CREATE TABLE `price_scraping_progress` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `identifier` varchar(255) NOT NULL,
  `datetime` datetime(6) NOT NULL,
  `source` varchar(255) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `price_scraping_progress_identifier_source_index` (`identifier`, `source`)
);

CREATE TABLE `products` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `stripe_id` varchar(255),
  `code` varchar(255),
  PRIMARY KEY (`id`),
  UNIQUE KEY `products_code_index` (`code`),
  UNIQUE KEY `products_stripe_id_index` (`stripe_id`)
);

CREATE TABLE `project` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `ticker` varchar(255),
  `coinmarketcap_id` varchar(255),
  `website_link` varchar(255),
  `btt_link` varchar(255),
  `facebook_link` varchar(255),
  `github_link` varchar(255),
  `reddit_link` varchar(255),
  `twitter_link` varchar(255),
  `whitepaper_link` varchar(255),
  `blog_link` varchar(255),
  `slack_link` varchar(255),
  `linkedin_link` varchar(255),
  `telegram_link` varchar(255),
  `token_address` varchar(255),
  `team_token_wallet` varchar(255),
  `market_segment_id` bigint,
  `infrastructure_id` bigint,
  `project_transparency` tinyint(1) NOT NULL DEFAULT 0,
  `project_transparency_description` longtext,
  `project_transparency_status_id` bigint,
  `token_decimals` int,
  `total_supply` decimal(65,30),
  `description` longtext,
  `email` varchar(255),
  `main_contract_address` varchar(255),
  `long_description` longtext,
  `logo_url` varchar(255),
  `slug` varchar(255),
  `is_hidden` tinyint(1) DEFAULT 0,
  `dark_logo_url` varchar(255),
  `telegram_chat_id` int,
  `discord_link` varchar(255),
  `ecosystem` varchar(255),
  `ecosystem_full_path` varchar(255),
  `multichain_project_group_key` varchar(255) DEFAULT NULL,
  `deployed_on_ecosystem_id` bigint,
  `hidden_since` datetime(0),
  `hidden_reason` longtext,
  `telegram_chat_name` varchar(255),
  PRIMARY KEY (`id`),
  KEY `project_infrastructure_id_index` (`infrastructure_id`),
  KEY `project_market_segment_id_index` (`market_segment_id`),
  KEY `project_project_transparency_status_id_index` (`project_transparency_status_id`),
  UNIQUE KEY `project_slug_index` (`slug`),
  CONSTRAINT `project_deployed_on_ecosystem_id_fkey` FOREIGN KEY (`deployed_on_ecosystem_id`) REFERENCES `ecosystems` (`id`),
  CONSTRAINT `project_infrastructure_id_fkey` FOREIGN KEY (`infrastructure_id`) REFERENCES `infrastructures` (`id`),
  CONSTRAINT `project_market_segment_id_fkey` FOREIGN KEY (`market_segment_id`) REFERENCES `market_segments` (`id`),
  CONSTRAINT `project_project_transparency_status_id_fkey` FOREIGN KEY (`project_transparency_status_id`) REFERENCES `project_transparency_statuses` (`id`)
);

CREATE TABLE `project_ecosystem_labels_change_suggestions` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` bigint,
  `added_ecosystems` json,
  `removed_ecosystems` json,
  `notes` longtext,
  `status` varchar(255) DEFAULT 'pending_approval',
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `project_ecosystem_labels_change_suggestions_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`) ON DELETE CASCADE
);

CREATE TABLE `project_ecosystem_mappings` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` bigint NOT NULL,
  `ecosystem_id` bigint NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `project_ecosystem_mappings_project_id_ecosystem_id_index` (`project_id`, `ecosystem_id`),
  CONSTRAINT `project_ecosystem_mappings_ecosystem_id_fkey` FOREIGN KEY (`ecosystem_id`) REFERENCES `ecosystems` (`id`),
  CONSTRAINT `project_ecosystem_mappings_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`)
);

CREATE TABLE `project_eth_address` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `address` varchar(255) COLLATE utf8mb4_0900_as_ci NOT NULL,
  `project_id` bigint NOT NULL,
  `source` longtext,
  `comments` longtext,
  PRIMARY KEY (`id`),
  UNIQUE KEY `project_eth_address_address_index` (`address`),
  KEY `project_eth_address_project_id_index` (`project_id`),
  CONSTRAINT `project_eth_address_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`) ON DELETE CASCADE
);

CREATE TABLE `project_github_organizations_change_suggestions` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` bigint,
  `added_organizations` json,
  `removed_organizations` json,
  `notes` longtext,
  `status` varchar(255) DEFAULT 'pending_approval',
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `project_github_organizations_change_suggestions_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`) ON DELETE CASCADE
);

CREATE TABLE `project_market_segments` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` bigint,
  `market_segment_id` bigint,
  PRIMARY KEY (`id`),
  UNIQUE KEY `project_market_segments_project_id_market_segment_id_index` (`project_id`, `market_segment_id`),
  CONSTRAINT `project_market_segments_market_segment_id_fkey` FOREIGN KEY (`market_segment_id`) REFERENCES `market_segments` (`id`),
  CONSTRAINT `project_market_segments_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`)
);

CREATE TABLE `project_social_volume_query` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` bigint NOT NULL,
  `query` longtext,
  `autogenerated_query` longtext,
  `inserted_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `project_social_volume_query_project_id_index` (`project_id`),
  CONSTRAINT `project_social_volume_query_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`)
);

CREATE TABLE `project_transparency_statuses` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `project_transparency_statuses_name_index` (`name`)
);

CREATE TABLE `promo_coupons` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  `message` longtext,
  `coupon` varchar(255),
  `origin_url` varchar(255),
  `lang` enum('en','jp'),
  PRIMARY KEY (`id`),
  UNIQUE KEY `promo_coupons_email_index` (`email`)
);

CREATE TABLE `promo_trials` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `trial_days` int NOT NULL,
  `plans` json NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `subscription_ids` json NOT NULL DEFAULT ('[]'),
  PRIMARY KEY (`id`),
  CONSTRAINT `promo_trials_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `pumpkins` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `collected` int DEFAULT 0,
  `coupon` varchar(255),
  `user_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `pages` json DEFAULT ('[]'),
  PRIMARY KEY (`id`),
  KEY `pumpkins_user_id_index` (`user_id`),
  CONSTRAINT `pumpkins_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `queries` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `uuid` varchar(255) NOT NULL,
  `origin_id` int,
  `origin_uuid` varchar(255),
  `name` longtext,
  `description` longtext,
  `is_public` tinyint(1) DEFAULT 1,
  `settings` json,
  `sql_query_text` longtext DEFAULT (''),
  `sql_query_parameters` json DEFAULT ('{}'),
  `user_id` bigint NOT NULL,
  `is_hidden` tinyint(1) DEFAULT 0,
  `is_deleted` tinyint(1) DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `queries_user_id_index` (`user_id`),
  CONSTRAINT `queries_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `queries_cache` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `query_id` bigint,
  `user_id` bigint,
  `data` longtext,
  `query_hash` longtext,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `queries_cache_query_id_user_id_index` (`query_id`, `user_id`),
  CONSTRAINT `queries_cache_query_id_fkey` FOREIGN KEY (`query_id`) REFERENCES `queries` (`id`) ON DELETE CASCADE,
  CONSTRAINT `queries_cache_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `question_answer_logs` (
  `id` char(36) NOT NULL,
  `question` longtext NOT NULL,
  `answer` longtext NOT NULL,
  `source` varchar(255) NOT NULL,
  `is_successful` tinyint(1) NOT NULL,
  `errors` longtext,
  `user_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `question_type` varchar(255),
  `reranker` varchar(255),
  `context_expansion` tinyint(1) NOT NULL DEFAULT 0,
  `model` varchar(255),
  `query_plan` json,
  PRIMARY KEY (`id`),
  CONSTRAINT `question_answer_logs_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE SET NULL
);

CREATE TABLE `questionnaire_answers` (
  `uuid` char(36) NOT NULL,
  `user_id` bigint NOT NULL,
  `question_uuid` char(36) NOT NULL,
  `answer` json NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`uuid`),
  UNIQUE KEY `questionnaire_answers_question_uuid_user_id_index` (`question_uuid`, `user_id`),
  CONSTRAINT `questionnaire_answers_question_uuid_fkey` FOREIGN KEY (`question_uuid`) REFERENCES `questionnaire_questions` (`uuid`) ON DELETE CASCADE,
  CONSTRAINT `questionnaire_answers_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `questionnaire_questions` (
  `uuid` char(36) NOT NULL,
  `questionnaire_uuid` char(36) NOT NULL,
  `order` int NOT NULL,
  `question` varchar(255) NOT NULL,
  `type` enum('single_select','multiple_select','open_text','open_number','boolean') NOT NULL DEFAULT 'open_text',
  `answer_options` json NOT NULL DEFAULT ('{}'),
  `has_extra_open_text_answer` tinyint(1) NOT NULL DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`uuid`),
  CONSTRAINT `questionnaire_questions_questionnaire_uuid_fkey` FOREIGN KEY (`questionnaire_uuid`) REFERENCES `questionnaires` (`uuid`) ON DELETE CASCADE
);

CREATE TABLE `questionnaires` (
  `uuid` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `description` longtext,
  `ends_at` datetime(0),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `is_deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`uuid`)
);

CREATE TABLE `reports` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `description` longtext,
  `url` varchar(255) NOT NULL,
  `is_published` tinyint(1) NOT NULL DEFAULT 0,
  `is_pro` tinyint(1) NOT NULL DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `tags` json DEFAULT ('[]'),
  PRIMARY KEY (`id`)
);

CREATE TABLE `roles` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  PRIMARY KEY (`id`)
);

CREATE TABLE `san_burn_credit_transactions` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `address` varchar(255),
  `trx_hash` varchar(255),
  `san_amount` double,
  `san_price` double,
  `credit_amount` double,
  `trx_datetime` datetime(0),
  `user_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `san_burn_credit_transactions_trx_hash_index` (`trx_hash`),
  CONSTRAINT `san_burn_credit_transactions_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `sanbase_notifications` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `type` varchar(255) NOT NULL,
  `title` longtext,
  `content` longtext,
  `user_id` bigint,
  `entity_id` bigint,
  `entity_name` longtext,
  `entity_type` varchar(255),
  `is_system_generated` tinyint(1) NOT NULL DEFAULT 0,
  `is_broadcast` tinyint(1) NOT NULL DEFAULT 0,
  `grouping_key` varchar(255),
  `json_data` json,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `entity_description` longtext,
  `url` longtext,
  PRIMARY KEY (`id`),
  KEY `sanbase_notifications_inserted_at_index` (`inserted_at`),
  CONSTRAINT `sanbase_notifications_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `sanbase_notifications_read_status` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `notification_id` bigint NOT NULL,
  `read_at` datetime(0) DEFAULT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `sanbase_notifications_read_status_notification_id_index` (`notification_id`),
  KEY `sanbase_notifications_read_status_user_id_index` (`user_id`),
  UNIQUE KEY `sanbase_notifications_read_status_user_id_notification_id_index` (`user_id`, `notification_id`),
  CONSTRAINT `sanbase_notifications_read_status_notification_id_fkey` FOREIGN KEY (`notification_id`) REFERENCES `sanbase_notifications` (`id`) ON DELETE CASCADE,
  CONSTRAINT `sanbase_notifications_read_status_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `sanr_emails` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `email` varchar(255),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `sanr_emails_email_index` (`email`)
);

CREATE TABLE `schedule_rescrape_prices` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` bigint NOT NULL,
  `from` datetime(6) NOT NULL,
  `to` datetime(6) NOT NULL,
  `original_last_updated` datetime(6),
  `in_progress` tinyint(1) NOT NULL,
  `finished` tinyint(1) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `schedule_rescrape_prices_project_id_index` (`project_id`),
  CONSTRAINT `schedule_rescrape_prices_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`)
);

CREATE TABLE `scheduled_deprecation_notifications` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `deprecation_date` date NOT NULL,
  `contact_list_name` varchar(255) NOT NULL,
  `api_endpoint` varchar(255) NOT NULL,
  `links` json NOT NULL,
  `schedule_email_subject` varchar(255) NOT NULL,
  `schedule_email_html` longtext NOT NULL,
  `schedule_email_scheduled_at` datetime(0) NOT NULL,
  `schedule_email_job_id` varchar(255),
  `schedule_email_sent_at` datetime(0),
  `schedule_email_dispatch_status` varchar(255) NOT NULL DEFAULT 'pending',
  `reminder_email_subject` varchar(255) NOT NULL,
  `reminder_email_html` longtext NOT NULL,
  `reminder_email_scheduled_at` datetime(0) NOT NULL,
  `reminder_email_job_id` varchar(255),
  `reminder_email_sent_at` datetime(0),
  `reminder_email_dispatch_status` varchar(255) NOT NULL DEFAULT 'pending',
  `executed_email_subject` varchar(255) NOT NULL,
  `executed_email_html` longtext NOT NULL,
  `executed_email_scheduled_at` datetime(0) NOT NULL,
  `executed_email_job_id` varchar(255),
  `executed_email_sent_at` datetime(0),
  `executed_email_dispatch_status` varchar(255) NOT NULL DEFAULT 'pending',
  `status` varchar(255) NOT NULL DEFAULT 'pending',
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `scheduled_deprecation_notifications_deprecation_date_index` (`deprecation_date`),
  KEY `scheduled_deprecation_notifications_status_index` (`status`)
);

CREATE TABLE `schema_migrations` (
  `version` bigint NOT NULL,
  `inserted_at` datetime(6),
  PRIMARY KEY (`version`)
);

CREATE TABLE `seen_timeline_events` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `seen_at` datetime(0),
  `user_id` bigint,
  `event_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `seen_timeline_events_user_id_event_id_index` (`user_id`, `event_id`),
  CONSTRAINT `seen_timeline_events_event_id_fkey` FOREIGN KEY (`event_id`) REFERENCES `timeline_events` (`id`),
  CONSTRAINT `seen_timeline_events_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `ses_email_events` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `message_id` varchar(255) NOT NULL,
  `email` varchar(255) NOT NULL,
  `event_type` varchar(255) NOT NULL,
  `bounce_type` varchar(255),
  `bounce_sub_type` varchar(255),
  `complaint_feedback_type` varchar(255),
  `reject_reason` varchar(255),
  `delay_type` varchar(255),
  `smtp_response` varchar(255),
  `timestamp` datetime(0) NOT NULL,
  `raw_data` json,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `ses_email_events_email_index` (`email`),
  KEY `ses_email_events_event_type_index` (`event_type`),
  KEY `ses_email_events_inserted_at_index` (`inserted_at`),
  UNIQUE KEY `ses_email_events_message_id_email_event_type_index` (`message_id`, `email`, `event_type`),
  KEY `ses_email_events_message_id_index` (`message_id`)
);

CREATE TABLE `shared_access_tokens` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `uuid` varchar(255) NOT NULL,
  `user_id` bigint NOT NULL,
  `chart_configuration_id` bigint NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `shared_access_tokens_chart_configuration_id_index` (`chart_configuration_id`),
  UNIQUE KEY `shared_access_tokens_uuid_index` (`uuid`),
  CONSTRAINT `shared_access_tokens_chart_configuration_id_fkey` FOREIGN KEY (`chart_configuration_id`) REFERENCES `chart_configurations` (`id`),
  CONSTRAINT `shared_access_tokens_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `sheets_templates` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `description` longtext,
  `url` varchar(255) NOT NULL,
  `is_pro` tinyint(1) NOT NULL DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`)
);

CREATE TABLE `short_urls` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `short_url` varchar(255) NOT NULL,
  `full_url` longtext NOT NULL,
  `user_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `data` varchar(255),
  PRIMARY KEY (`id`),
  UNIQUE KEY `short_urls_short_url_index` (`short_url`),
  CONSTRAINT `short_urls_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `sign_up_trials` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint,
  `sent_welcome_email` tinyint(1) DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `sent_trial_will_end_email` tinyint(1) DEFAULT 0,
  `subscription_id` bigint,
  `sent_first_education_email` tinyint(1) DEFAULT 0,
  `sent_second_education_email` tinyint(1) DEFAULT 0,
  `sent_cc_will_be_charged` tinyint(1) DEFAULT 0,
  `sent_trial_finished_without_cc` tinyint(1) DEFAULT 0,
  `is_finished` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `sign_up_trials_subscription_id_index` (`subscription_id`),
  UNIQUE KEY `sign_up_trials_user_id_index` (`user_id`),
  CONSTRAINT `sign_up_trials_subscription_id_fkey` FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions` (`id`),
  CONSTRAINT `sign_up_trials_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `signals_historical_activity` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `user_trigger_id` bigint NOT NULL,
  `payload` json,
  `triggered_at` datetime(6) NOT NULL,
  `data` json,
  PRIMARY KEY (`id`),
  KEY `signals_historical_activity_user_id_triggered_at_index` (`user_id`, `triggered_at`),
  KEY `signals_historical_activity_user_trigger_id_index` (`user_trigger_id`),
  CONSTRAINT `signals_historical_activity_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `signals_historical_activity_user_trigger_id_fkey` FOREIGN KEY (`user_trigger_id`) REFERENCES `user_triggers` (`id`) ON DELETE CASCADE
);

CREATE TABLE `source_slug_mappings` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `source` varchar(255) NOT NULL,
  `slug` varchar(255) NOT NULL,
  `project_id` bigint,
  `non_crypto_asset_id` bigint,
  PRIMARY KEY (`id`),
  UNIQUE KEY `one_mapping_per_source` (`source`, `project_id`),
  UNIQUE KEY `one_mapping_per_source_non_crypto_asset` (`source`, `non_crypto_asset_id`),
  CONSTRAINT `source_slug_mappings_non_crypto_asset_id_fkey` FOREIGN KEY (`non_crypto_asset_id`) REFERENCES `non_crypto_assets` (`id`) ON DELETE CASCADE,
  CONSTRAINT `source_slug_mappings_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`) ON DELETE CASCADE,
  CONSTRAINT `exactly_one_asset_reference` CHECK (((`project_id` IS NULL) XOR (`non_crypto_asset_id` IS NULL)))
);

CREATE TABLE `stripe_events` (
  `event_id` varchar(255) NOT NULL,
  `type` varchar(255) NOT NULL,
  `payload` json NOT NULL,
  `is_processed` tinyint(1) DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`event_id`)
);

CREATE TABLE `subscription_items` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `subscription_id` bigint NOT NULL,
  `stripe_item_id` varchar(255),
  `sku` varchar(255) NOT NULL,
  `type` varchar(255) NOT NULL,
  `quantity` int NOT NULL DEFAULT 1,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `remove_at` datetime(0),
  PRIMARY KEY (`id`),
  KEY `subscription_items_remove_at_index` (`remove_at`),
  UNIQUE KEY `subscription_items_stripe_item_id_index` (`stripe_item_id`),
  UNIQUE KEY `subscription_items_subscription_id_sku_index` (`subscription_id`, `sku`),
  CONSTRAINT `subscription_items_subscription_id_fkey` FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions` (`id`) ON DELETE CASCADE
);

CREATE TABLE `subscription_timeseries` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `subscriptions` json,
  `stats` json,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`)
);

CREATE TABLE `subscriptions` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `plan_id` bigint NOT NULL,
  `stripe_id` varchar(255),
  `cancel_at_period_end` tinyint(1) NOT NULL DEFAULT 0,
  `current_period_end` datetime(6),
  `status` enum('initial','incomplete','incomplete_expired','trialing','active','past_due','canceled','unpaid') NOT NULL DEFAULT 'initial',
  `trial_end` datetime(6),
  `inserted_at` datetime(6),
  `updated_at` datetime(6),
  `type` enum('fiat','liquidity','burning_regular','burning_nft','sanr_points_nft') NOT NULL DEFAULT 'fiat',
  `bundle_entitlement` json,
  PRIMARY KEY (`id`),
  UNIQUE KEY `subscriptions_stripe_id_index` (`stripe_id`),
  CONSTRAINT `subscriptions_plan_id_fkey` FOREIGN KEY (`plan_id`) REFERENCES `plans` (`id`) ON DELETE CASCADE,
  CONSTRAINT `subscriptions_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `table_configurations` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint,
  `title` varchar(255) NOT NULL,
  `description` longtext,
  `is_public` tinyint(1) NOT NULL DEFAULT 0,
  `page_size` int DEFAULT 50,
  `columns` json,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `type` enum('project','blockchain_address'),
  PRIMARY KEY (`id`),
  CONSTRAINT `table_configurations_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `tags` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `tags_name_index` (`name`)
);

CREATE TABLE `telegram_bot_messages` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `chat_id` varchar(255) NOT NULL,
  `message_id` bigint NOT NULL,
  `conversation_id` varchar(255) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `telegram_bot_messages_chat_id_message_id_index` (`chat_id`, `message_id`)
);

CREATE TABLE `telegram_user_tokens` (
  `user_id` bigint NOT NULL,
  `token` varchar(255) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`user_id`, `token`),
  UNIQUE KEY `telegram_user_tokens_token_index` (`token`),
  UNIQUE KEY `telegram_user_tokens_user_id_index` (`user_id`),
  CONSTRAINT `telegram_user_tokens_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `thread_ai_context` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `discord_user` varchar(255),
  `guild_id` varchar(255),
  `guild_name` varchar(255),
  `channel_id` varchar(255),
  `channel_name` varchar(255),
  `thread_id` varchar(255),
  `thread_name` varchar(255),
  `question` longtext,
  `answer` longtext,
  `votes_pos` int DEFAULT 0,
  `votes_neg` int DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `elapsed_time` double,
  `tokens_request` int,
  `tokens_response` int,
  `tokens_total` int,
  `error_message` varchar(255),
  `total_cost` double,
  PRIMARY KEY (`id`)
);

CREATE TABLE `timeline_event_comments_mapping` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `comment_id` bigint,
  `timeline_event_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `timeline_event_comments_mapping_comment_id_index` (`comment_id`),
  KEY `timeline_event_comments_mapping_timeline_event_id_index` (`timeline_event_id`),
  CONSTRAINT `timeline_event_comments_mapping_comment_id_fkey` FOREIGN KEY (`comment_id`) REFERENCES `comments` (`id`) ON DELETE CASCADE,
  CONSTRAINT `timeline_event_comments_mapping_timeline_event_id_fkey` FOREIGN KEY (`timeline_event_id`) REFERENCES `timeline_events` (`id`) ON DELETE CASCADE
);

CREATE TABLE `timeline_events` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `event_type` varchar(255),
  `user_id` bigint,
  `post_id` bigint,
  `user_list_id` bigint,
  `user_trigger_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `payload` json,
  `data` json,
  PRIMARY KEY (`id`),
  KEY `timeline_events_inserted_at_index` (`inserted_at`),
  KEY `timeline_events_post_id_index` (`post_id`),
  KEY `timeline_events_user_id_inserted_at_index` (`user_id`, `inserted_at`),
  KEY `timeline_events_user_list_id_index` (`user_list_id`),
  KEY `timeline_events_user_trigger_id_index` (`user_trigger_id`),
  CONSTRAINT `timeline_events_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE,
  CONSTRAINT `timeline_events_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE,
  CONSTRAINT `timeline_events_user_list_id_fkey` FOREIGN KEY (`user_list_id`) REFERENCES `user_lists` (`id`) ON DELETE CASCADE,
  CONSTRAINT `timeline_events_user_trigger_id_fkey` FOREIGN KEY (`user_trigger_id`) REFERENCES `user_triggers` (`id`) ON DELETE CASCADE,
  CONSTRAINT `only_one_fk_4` CHECK (((((CASE WHEN (`post_id` IS NULL) THEN 0 ELSE 1 END) + (CASE WHEN (`user_list_id` IS NULL) THEN 0 ELSE 1 END)) + (CASE WHEN (`user_trigger_id` IS NULL) THEN 0 ELSE 1 END)) = 1))
);

CREATE TABLE `topic_batches` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `source` varchar(255) NOT NULL,
  `interval_text` varchar(255) NOT NULL,
  `interval_start` date NOT NULL,
  `interval_end` date NOT NULL,
  `version` int NOT NULL DEFAULT 1,
  `type` varchar(255),
  `state` varchar(255) NOT NULL DEFAULT 'draft',
  `published_at` datetime(0),
  `published_by_id` bigint,
  `fetched_at` datetime(0) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `publication_scope` varchar(255),
  PRIMARY KEY (`id`),
  UNIQUE KEY `topic_batches_source_interval_text_version_index` (`source`, `interval_text`, `version`),
  KEY `topic_batches_state_interval_start_index` (`state`, `interval_start`),
  KEY `topic_batches_state_publication_scope_interval_start_index` (`state`, `publication_scope`, `interval_start`),
  KEY `topic_batches_state_published_at_index` (`state`, `published_at`),
  CONSTRAINT `topic_batches_published_by_id_fkey` FOREIGN KEY (`published_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL,
  CONSTRAINT `published_topic_batches_require_publication_scope` CHECK (((`state` <> 'published') OR (`publication_scope` IS NOT NULL))),
  CONSTRAINT `topic_batches_publication_scope_valid` CHECK (((`publication_scope` IS NULL) OR (`publication_scope` IN ('daily_only', 'weekly_only', 'daily_weekly'))))
);

CREATE TABLE `tweet_classifications` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `classified_tweet_id` bigint NOT NULL,
  `user_id` bigint NOT NULL,
  `is_prediction` tinyint(1) NOT NULL,
  `classified_at` datetime(0) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `tweet_classifications_disagreement_tweet_id_user_id_index` (`classified_tweet_id`, `user_id`),
  KEY `tweet_classifications_user_id_index` (`user_id`),
  CONSTRAINT `tweet_classifications_disagreement_tweet_id_fkey` FOREIGN KEY (`classified_tweet_id`) REFERENCES `classified_tweets` (`id`) ON DELETE CASCADE,
  CONSTRAINT `tweet_classifications_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `tweet_predictions` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `tweet_id` varchar(255) NOT NULL,
  `timestamp` datetime(0) NOT NULL,
  `text` longtext NOT NULL,
  `url` varchar(255) NOT NULL,
  `is_prediction` tinyint(1) NOT NULL,
  `is_interesting` tinyint(1) NOT NULL DEFAULT 0,
  `screen_name` varchar(255) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `tweet_predictions_tweet_id_index` (`tweet_id`)
);

CREATE TABLE `ui_metadata_categories` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `display_order` int NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `ui_metadata_categories_name_index` (`name`)
);

CREATE TABLE `ui_metadata_groups` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `category_id` bigint NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `ui_metadata_groups_name_category_id_index` (`name`, `category_id`),
  CONSTRAINT `ui_metadata_groups_category_id_fkey` FOREIGN KEY (`category_id`) REFERENCES `ui_metadata_categories` (`id`) ON DELETE CASCADE
);

CREATE TABLE `user_affiliate_details` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `telegram_handle` varchar(255) NOT NULL,
  `marketing_channels` longtext,
  `user_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `user_affiliate_details_user_id_index` (`user_id`),
  CONSTRAINT `user_affiliate_details_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `user_api_key_tokens` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint,
  `token` varchar(255) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `user_api_key_tokens_token_index` (`token`),
  CONSTRAINT `user_api_key_tokens_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `user_entity_interactions` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `entity_type` varchar(255) NOT NULL,
  `entity_id` int NOT NULL,
  `interaction_type` varchar(255) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `user_entity_interactions_entity_type_entity_id_index` (`entity_type`, `entity_id`),
  KEY `user_entity_interactions_entity_type_index` (`entity_type`),
  KEY `user_entity_interactions_interaction_type_index` (`interaction_type`),
  UNIQUE KEY `user_entity_interactions_user_id_entity_type_entity_id_interact` (`user_id`, `entity_type`, `entity_id`, `interaction_type`, `inserted_at`),
  KEY `user_entity_interactions_user_id_index` (`user_id`),
  CONSTRAINT `user_entity_interactions_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `user_events` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `event_name` varchar(255) NOT NULL,
  `created_at` datetime(0) NOT NULL,
  `metadata` json,
  `remote_id` varchar(255),
  `user_id` bigint NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `user_events_remote_id_index` (`remote_id`),
  KEY `user_events_user_id_index` (`user_id`),
  CONSTRAINT `user_events_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `user_followers` (
  `user_id` bigint NOT NULL,
  `follower_id` bigint NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `is_notification_disabled` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`user_id`, `follower_id`),
  CONSTRAINT `user_followers_follower_id_fkey` FOREIGN KEY (`follower_id`) REFERENCES `users` (`id`),
  CONSTRAINT `user_followers_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`),
  CONSTRAINT `user_cannot_follow_self` CHECK ((`user_id` <> `follower_id`))
);

CREATE TABLE `user_lists` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255),
  `is_public` tinyint(1) DEFAULT 0,
  `color` enum('none','blue','red','green','yellow','grey','black'),
  `user_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `function` json DEFAULT ('{"args": [], "name": "empty"}'),
  `slug` varchar(255),
  `is_monitored` tinyint(1) DEFAULT 0,
  `table_configuration_id` bigint,
  `description` longtext,
  `type` enum('project','blockchain_address') NOT NULL DEFAULT 'project',
  `is_screener` tinyint(1) DEFAULT 0,
  `is_deleted` tinyint(1) DEFAULT 0,
  `is_hidden` tinyint(1) DEFAULT 0,
  `is_public_updated_at` datetime(0),
  `ai_description` longtext,
  PRIMARY KEY (`id`),
  UNIQUE KEY `user_lists_slug_index` (`slug`),
  CONSTRAINT `user_lists_table_configuration_id_fkey` FOREIGN KEY (`table_configuration_id`) REFERENCES `table_configurations` (`id`) ON DELETE SET NULL,
  CONSTRAINT `user_lists_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `user_onboardings` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `title` varchar(255),
  `goal` varchar(255),
  `used_tools` json DEFAULT ('[]'),
  `uses_behaviour_analysis` varchar(255),
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `user_onboardings_user_id_index` (`user_id`),
  CONSTRAINT `user_onboardings_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `user_promo_codes` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `coupon` varchar(255) NOT NULL,
  `campaign` varchar(255),
  `percent_off` int,
  `max_redemptions` int DEFAULT 1,
  `times_redeemed` int DEFAULT 0,
  `redeem_by` datetime(0),
  `metadata` json,
  `extra_data` json,
  `valid` tinyint(1) NOT NULL DEFAULT 1,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `user_promo_codes_coupon_index` (`coupon`),
  CONSTRAINT `user_promo_codes_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `user_roles` (
  `user_id` bigint NOT NULL,
  `role_id` bigint NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`user_id`, `role_id`),
  CONSTRAINT `user_roles_role_id_fkey` FOREIGN KEY (`role_id`) REFERENCES `roles` (`id`),
  CONSTRAINT `user_roles_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `user_settings` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `settings` json,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `user_settings_user_id_index` (`user_id`),
  CONSTRAINT `user_settings_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `user_triggers` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `trigger` json NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `is_deleted` tinyint(1) DEFAULT 0,
  `is_hidden` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `user_triggers_user_id_index` (`user_id`),
  CONSTRAINT `user_triggers_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `user_triggers_tags` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_trigger_id` bigint,
  `tag_id` bigint,
  PRIMARY KEY (`id`),
  UNIQUE KEY `user_triggers_tags_user_trigger_id_tag_id_index` (`user_trigger_id`, `tag_id`),
  CONSTRAINT `user_triggers_tags_tag_id_fkey` FOREIGN KEY (`tag_id`) REFERENCES `tags` (`id`),
  CONSTRAINT `user_triggers_tags_user_trigger_id_fkey` FOREIGN KEY (`user_trigger_id`) REFERENCES `user_triggers` (`id`)
);

CREATE TABLE `user_uniswap_staking` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `san_staked` double,
  `user_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `user_uniswap_staking_user_id_index` (`user_id`),
  CONSTRAINT `user_uniswap_staking_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `users` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `username` varchar(255),
  `email` varchar(255),
  `salt` varchar(255) NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `san_tokens` int,
  `san_balance` decimal(65,30),
  `san_balance_updated_at` datetime(6),
  `email_token` varchar(255),
  `email_token_generated_at` datetime(6),
  `email_token_validated_at` datetime(6),
  `consent_id` varchar(255),
  `test_san_balance` decimal(65,30),
  `privacy_policy_accepted` tinyint(1) NOT NULL DEFAULT 0,
  `marketing_accepted` tinyint(1) NOT NULL DEFAULT 0,
  `email_candidate` varchar(255),
  `email_candidate_token` varchar(255),
  `email_candidate_token_generated_at` datetime(6),
  `email_candidate_token_validated_at` datetime(6),
  `stripe_customer_id` varchar(255),
  `avatar_url` varchar(255),
  `is_registered` tinyint(1) DEFAULT 0,
  `is_superuser` tinyint(1) DEFAULT 0,
  `twitter_id` varchar(255) DEFAULT NULL,
  `name` varchar(255),
  `registration_state` json DEFAULT ('{"state": "init"}'),
  `metric_access_level` varchar(255) NOT NULL DEFAULT 'released',
  `description` longtext,
  `website_url` varchar(255),
  `twitter_handle` varchar(255),
  `feature_access_level` varchar(255) NOT NULL DEFAULT 'released',
  `available_metrics_lookback_days` int,
  `is_mcp_banned` tinyint(1) NOT NULL DEFAULT 0,
  `mcp_banned_at` datetime(0),
  `mcp_banned_reason` longtext,
  `are_activity_traces_hidden` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `users_are_activity_traces_hidden_index` (`are_activity_traces_hidden`),
  UNIQUE KEY `users_email_index` (`email`),
  UNIQUE KEY `users_email_token_index` (`email_token`),
  KEY `users_is_mcp_banned_index` (`is_mcp_banned`),
  UNIQUE KEY `users_stripe_customer_id_index` (`stripe_customer_id`),
  UNIQUE KEY `users_twitter_id_index` (`twitter_id`),
  UNIQUE KEY `users_username_index` (`username`)
);

CREATE TABLE `versions` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `patch` longblob,
  `entity_id` int,
  `entity_schema` varchar(255),
  `action` varchar(255),
  `recorded_at` datetime(0),
  `rollback` tinyint(1) DEFAULT 0,
  `user_id` bigint,
  PRIMARY KEY (`id`),
  KEY `versions_entity_schema_entity_id_index` (`entity_schema`, `entity_id`),
  CONSTRAINT `versions_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE `votes` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `post_id` bigint,
  `user_id` bigint NOT NULL,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `timeline_event_id` bigint,
  `count` int DEFAULT 1,
  `chart_configuration_id` bigint,
  `watchlist_id` bigint,
  `user_trigger_id` bigint,
  `dashboard_id` bigint,
  `query_id` bigint,
  PRIMARY KEY (`id`),
  UNIQUE KEY `votes_chart_configuration_id_user_id_index` (`chart_configuration_id`, `user_id`),
  UNIQUE KEY `votes_dashboard_id_user_id_index` (`dashboard_id`, `user_id`),
  KEY `votes_post_id_index` (`post_id`),
  UNIQUE KEY `votes_post_id_user_id_index` (`post_id`, `user_id`),
  UNIQUE KEY `votes_query_id_user_id_index` (`query_id`, `user_id`),
  UNIQUE KEY `votes_timeline_event_id_user_id_index` (`timeline_event_id`, `user_id`),
  UNIQUE KEY `votes_user_trigger_id_user_id_index` (`user_trigger_id`, `user_id`),
  UNIQUE KEY `votes_watchlist_id_user_id_index` (`watchlist_id`, `user_id`),
  CONSTRAINT `votes_chart_configuration_id_fkey` FOREIGN KEY (`chart_configuration_id`) REFERENCES `chart_configurations` (`id`) ON DELETE CASCADE,
  CONSTRAINT `votes_dashboard_id_fkey` FOREIGN KEY (`dashboard_id`) REFERENCES `dashboards` (`id`),
  CONSTRAINT `votes_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE,
  CONSTRAINT `votes_query_id_fkey` FOREIGN KEY (`query_id`) REFERENCES `queries` (`id`),
  CONSTRAINT `votes_timeline_event_id_fkey` FOREIGN KEY (`timeline_event_id`) REFERENCES `timeline_events` (`id`) ON DELETE CASCADE,
  CONSTRAINT `votes_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE,
  CONSTRAINT `votes_user_trigger_id_fkey` FOREIGN KEY (`user_trigger_id`) REFERENCES `user_triggers` (`id`) ON DELETE CASCADE,
  CONSTRAINT `votes_watchlist_id_fkey` FOREIGN KEY (`watchlist_id`) REFERENCES `user_lists` (`id`) ON DELETE CASCADE,
  CONSTRAINT `only_one_fk_5` CHECK (((((((((CASE WHEN (`post_id` IS NULL) THEN 0 ELSE 1 END) + (CASE WHEN (`timeline_event_id` IS NULL) THEN 0 ELSE 1 END)) + (CASE WHEN (`chart_configuration_id` IS NULL) THEN 0 ELSE 1 END)) + (CASE WHEN (`watchlist_id` IS NULL) THEN 0 ELSE 1 END)) + (CASE WHEN (`user_trigger_id` IS NULL) THEN 0 ELSE 1 END)) + (CASE WHEN (`dashboard_id` IS NULL) THEN 0 ELSE 1 END)) + (CASE WHEN (`query_id` IS NULL) THEN 0 ELSE 1 END)) = 1))
);

CREATE TABLE `wallet_hunters_bounties` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `title` varchar(255),
  `description` longtext,
  `duration` varchar(255),
  `proposals_count` int,
  `proposal_reward` int,
  `transaction_id` varchar(255),
  `transaction_status` varchar(255),
  `hash_digest` varchar(255),
  `user_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `wallet_hunters_bounties_user_id_index` (`user_id`),
  CONSTRAINT `wallet_hunters_bounties_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `wallet_hunters_proposals` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `title` longtext,
  `text` longtext,
  `proposal_id` int,
  `hunter_address` varchar(255),
  `user_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `proposed_address` varchar(255),
  `user_labels` json DEFAULT ('[]'),
  `transaction_id` varchar(255) NOT NULL,
  `transaction_status` varchar(255) NOT NULL DEFAULT 'pending',
  `bounty_id` bigint,
  PRIMARY KEY (`id`),
  UNIQUE KEY `wallet_hunters_proposals_proposal_id_index` (`proposal_id`),
  UNIQUE KEY `wallet_hunters_proposals_transaction_id_index` (`transaction_id`),
  CONSTRAINT `wallet_hunters_proposals_bounty_id_fkey` FOREIGN KEY (`bounty_id`) REFERENCES `wallet_hunters_bounties` (`id`) ON DELETE CASCADE,
  CONSTRAINT `wallet_hunters_proposals_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
);

CREATE TABLE `wallet_hunters_proposals_comments_mapping` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `comment_id` bigint,
  `proposal_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `wallet_hunters_proposals_comments_mapping_comment_id_index` (`comment_id`),
  KEY `wallet_hunters_proposals_comments_mapping_proposal_id_index` (`proposal_id`),
  CONSTRAINT `wallet_hunters_proposals_comments_mapping_comment_id_fkey` FOREIGN KEY (`comment_id`) REFERENCES `comments` (`id`) ON DELETE CASCADE,
  CONSTRAINT `wallet_hunters_proposals_comments_mapping_proposal_id_fkey` FOREIGN KEY (`proposal_id`) REFERENCES `wallet_hunters_proposals` (`id`) ON DELETE CASCADE
);

CREATE TABLE `wallet_hunters_relays_quota` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `proposals_used` int,
  `user_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `votes_used` int DEFAULT 0,
  `last_voted` datetime(0),
  `proposals_earned` int DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `wallet_hunters_relays_quota_user_id_index` (`user_id`),
  CONSTRAINT `wallet_hunters_relays_quota_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `wallet_hunters_votes` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `proposal_id` int,
  `transaction_id` varchar(255),
  `transaction_status` varchar(255) DEFAULT 'pending',
  `user_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `wallet_hunters_votes_user_id_index` (`user_id`),
  CONSTRAINT `wallet_hunters_votes_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);

CREATE TABLE `watchlist_comments_mapping` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `comment_id` bigint,
  `watchlist_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `watchlist_comments_mapping_comment_id_index` (`comment_id`),
  KEY `watchlist_comments_mapping_watchlist_id_index` (`watchlist_id`),
  CONSTRAINT `watchlist_comments_mapping_comment_id_fkey` FOREIGN KEY (`comment_id`) REFERENCES `comments` (`id`) ON DELETE CASCADE,
  CONSTRAINT `watchlist_comments_mapping_watchlist_id_fkey` FOREIGN KEY (`watchlist_id`) REFERENCES `user_lists` (`id`) ON DELETE CASCADE
);

CREATE TABLE `watchlist_settings` (
  `user_id` bigint NOT NULL,
  `watchlist_id` bigint NOT NULL,
  `settings` json,
  PRIMARY KEY (`user_id`, `watchlist_id`),
  KEY `watchlist_settings_watchlist_id_index` (`watchlist_id`),
  CONSTRAINT `watchlist_settings_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE,
  CONSTRAINT `watchlist_settings_watchlist_id_fkey` FOREIGN KEY (`watchlist_id`) REFERENCES `user_lists` (`id`) ON DELETE CASCADE
);

CREATE TABLE `webinar_registrations` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint,
  `webinar_id` bigint,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `webinar_registrations_user_id_index` (`user_id`),
  UNIQUE KEY `webinar_registrations_user_id_webinar_id_index` (`user_id`, `webinar_id`),
  KEY `webinar_registrations_webinar_id_index` (`webinar_id`),
  CONSTRAINT `webinar_registrations_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE,
  CONSTRAINT `webinar_registrations_webinar_id_fkey` FOREIGN KEY (`webinar_id`) REFERENCES `webinars` (`id`) ON DELETE CASCADE
);

CREATE TABLE `webinars` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `title` varchar(255),
  `description` longtext,
  `url` varchar(255),
  `image_url` varchar(255),
  `start_time` datetime(0),
  `end_time` datetime(0),
  `is_pro` tinyint(1) NOT NULL DEFAULT 0,
  `inserted_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`)
);

