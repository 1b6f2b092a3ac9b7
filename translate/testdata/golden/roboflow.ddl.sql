CREATE TABLE `auth_audit_log_entries` (
  `instance_id` char(36),
  `id` char(36) NOT NULL,
  `payload` json,
  `created_at` datetime(6),
  `ip_address` varchar(64) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  KEY `audit_logs_instance_id_idx` (`instance_id`)
) COMMENT='Auth: Audit trail for user actions.';

CREATE TABLE `auth_identities` (
  `id` varchar(255) NOT NULL,
  `user_id` char(36) NOT NULL,
  `identity_data` json NOT NULL,
  `provider` varchar(255) NOT NULL,
  `last_sign_in_at` datetime(6),
  `created_at` datetime(6),
  `updated_at` datetime(6),
  `email` longtext GENERATED ALWAYS AS (LOWER(JSON_UNQUOTE(JSON_EXTRACT(`identity_data`, '$."email"')))) STORED COMMENT 'Auth: Email is a generated column that references the optional email property in the identity_data',
  PRIMARY KEY (`provider`, `id`),
  KEY `identities_email_idx` (`email`(255)),
  KEY `identities_user_id_idx` (`user_id`),
  CONSTRAINT `identities_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `auth_users` (`id`) ON DELETE CASCADE
) COMMENT='Auth: Stores identities associated to a user.';

CREATE TABLE `auth_instances` (
  `id` char(36) NOT NULL,
  `uuid` char(36),
  `raw_base_config` longtext,
  `created_at` datetime(6),
  `updated_at` datetime(6),
  PRIMARY KEY (`id`)
) COMMENT='Auth: Manages users across multiple sites.';

CREATE TABLE `auth_mfa_amr_claims` (
  `session_id` char(36) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `authentication_method` longtext NOT NULL,
  `id` char(36) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `mfa_amr_claims_session_id_authentication_method_pkey` (`session_id`, `authentication_method`),
  CONSTRAINT `mfa_amr_claims_session_id_fkey` FOREIGN KEY (`session_id`) REFERENCES `auth_sessions` (`id`) ON DELETE CASCADE
) COMMENT='auth: stores authenticator method reference claims for multi factor authentication';

CREATE TABLE `auth_mfa_challenges` (
  `id` char(36) NOT NULL,
  `factor_id` char(36) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `verified_at` datetime(6),
  `ip_address` varchar(43) NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `mfa_challenges_auth_factor_id_fkey` FOREIGN KEY (`factor_id`) REFERENCES `auth_mfa_factors` (`id`) ON DELETE CASCADE
) COMMENT='auth: stores metadata about challenge requests made';

CREATE TABLE `auth_mfa_factors` (
  `id` char(36) NOT NULL,
  `user_id` char(36) NOT NULL,
  `friendly_name` longtext,
  `factor_type` enum('totp','webauthn') NOT NULL,
  `status` enum('unverified','verified') NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `secret` longtext,
  PRIMARY KEY (`id`),
  KEY `factor_id_created_at_idx` (`user_id`, `created_at`),
  CONSTRAINT `mfa_factors_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `auth_users` (`id`) ON DELETE CASCADE
) COMMENT='auth: stores metadata about factors';

CREATE TABLE `auth_refresh_tokens` (
  `instance_id` char(36),
  `id` bigint NOT NULL AUTO_INCREMENT,
  `token` varchar(255),
  `user_id` varchar(255),
  `revoked` tinyint(1),
  `created_at` datetime(6),
  `updated_at` datetime(6),
  `parent` varchar(255),
  `session_id` char(36),
  PRIMARY KEY (`id`),
  UNIQUE KEY `refresh_tokens_token_unique` (`token`),
  KEY `refresh_tokens_instance_id_idx` (`instance_id`),
  KEY `refresh_tokens_instance_id_user_id_idx` (`instance_id`, `user_id`),
  KEY `refresh_tokens_parent_idx` (`parent`),
  KEY `refresh_tokens_session_id_revoked_idx` (`session_id`, `revoked`),
  KEY `refresh_tokens_token_idx` (`token`),
  CONSTRAINT `refresh_tokens_session_id_fkey` FOREIGN KEY (`session_id`) REFERENCES `auth_sessions` (`id`) ON DELETE CASCADE
) COMMENT='Auth: Store of tokens used to refresh JWT tokens once they expire.';

CREATE TABLE `auth_saml_providers` (
  `id` char(36) NOT NULL,
  `sso_provider_id` char(36) NOT NULL,
  `entity_id` longtext NOT NULL,
  `metadata_xml` longtext NOT NULL,
  `metadata_url` longtext,
  `attribute_mapping` json,
  `created_at` datetime(6),
  `updated_at` datetime(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `saml_providers_entity_id_key` (`entity_id`),
  KEY `saml_providers_sso_provider_id_idx` (`sso_provider_id`),
  CONSTRAINT `saml_providers_sso_provider_id_fkey` FOREIGN KEY (`sso_provider_id`) REFERENCES `auth_sso_providers` (`id`) ON DELETE CASCADE,
  CONSTRAINT `entity_id not empty` CHECK ((CHAR_LENGTH(`entity_id`) > 0)),
  CONSTRAINT `metadata_url not empty` CHECK (((`metadata_url` = NULL) OR (CHAR_LENGTH(`metadata_url`) > 0))),
  CONSTRAINT `metadata_xml not empty` CHECK ((CHAR_LENGTH(`metadata_xml`) > 0))
) COMMENT='Auth: Manages SAML Identity Provider connections.';

CREATE TABLE `auth_saml_relay_states` (
  `id` char(36) NOT NULL,
  `sso_provider_id` char(36) NOT NULL,
  `request_id` longtext NOT NULL,
  `for_email` longtext,
  `redirect_to` longtext,
  `from_ip_address` varchar(43),
  `created_at` datetime(6),
  `updated_at` datetime(6),
  PRIMARY KEY (`id`),
  KEY `saml_relay_states_for_email_idx` (`for_email`(255)),
  KEY `saml_relay_states_sso_provider_id_idx` (`sso_provider_id`),
  CONSTRAINT `saml_relay_states_sso_provider_id_fkey` FOREIGN KEY (`sso_provider_id`) REFERENCES `auth_sso_providers` (`id`) ON DELETE CASCADE,
  CONSTRAINT `request_id not empty` CHECK ((CHAR_LENGTH(`request_id`) > 0))
) COMMENT='Auth: Contains SAML Relay State information for each Service Provider initiated login.';

CREATE TABLE `auth_schema_migrations` (
  `version` varchar(255) NOT NULL,
  PRIMARY KEY (`version`)
) COMMENT='Auth: Manages updates to the auth system.';

CREATE TABLE `auth_sessions` (
  `id` char(36) NOT NULL,
  `user_id` char(36) NOT NULL,
  `created_at` datetime(6),
  `updated_at` datetime(6),
  `factor_id` char(36),
  `aal` enum('aal1','aal2','aal3'),
  `not_after` datetime(6) COMMENT 'Auth: Not after is a nullable column that contains a timestamp after which the session should be regarded as expired.',
  PRIMARY KEY (`id`),
  KEY `sessions_user_id_idx` (`user_id`),
  KEY `user_id_created_at_idx` (`user_id`, `created_at`),
  CONSTRAINT `sessions_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `auth_users` (`id`) ON DELETE CASCADE
) COMMENT='Auth: Stores session data associated to a user.';

CREATE TABLE `auth_sso_domains` (
  `id` char(36) NOT NULL,
  `sso_provider_id` char(36) NOT NULL,
  `domain` longtext NOT NULL,
  `created_at` datetime(6),
  `updated_at` datetime(6),
  PRIMARY KEY (`id`),
  KEY `sso_domains_sso_provider_id_idx` (`sso_provider_id`),
  CONSTRAINT `sso_domains_sso_provider_id_fkey` FOREIGN KEY (`sso_provider_id`) REFERENCES `auth_sso_providers` (`id`) ON DELETE CASCADE,
  CONSTRAINT `domain not empty` CHECK ((CHAR_LENGTH(`domain`) > 0))
) COMMENT='Auth: Manages SSO email address domain mapping to an SSO Identity Provider.';

CREATE TABLE `auth_sso_providers` (
  `id` char(36) NOT NULL,
  `resource_id` longtext COMMENT 'Auth: Uniquely identifies a SSO provider according to a user-chosen resource ID (case insensitive), useful in infrastructure as code.',
  `created_at` datetime(6),
  `updated_at` datetime(6),
  PRIMARY KEY (`id`),
  CONSTRAINT `resource_id not empty` CHECK (((`resource_id` = NULL) OR (CHAR_LENGTH(`resource_id`) > 0)))
) COMMENT='Auth: Manages SSO identity provider information; see saml_providers for SAML.';

CREATE TABLE `auth_users` (
  `instance_id` char(36),
  `id` char(36) NOT NULL,
  `aud` varchar(255),
  `role` varchar(255),
  `email` varchar(255),
  `encrypted_password` varchar(255),
  `email_confirmed_at` datetime(6),
  `invited_at` datetime(6),
  `confirmation_token` varchar(255),
  `confirmation_sent_at` datetime(6),
  `recovery_token` varchar(255),
  `recovery_sent_at` datetime(6),
  `email_change_token_new` varchar(255),
  `email_change` varchar(255),
  `email_change_sent_at` datetime(6),
  `last_sign_in_at` datetime(6),
  `raw_app_meta_data` json,
  `raw_user_meta_data` json,
  `is_super_admin` tinyint(1),
  `created_at` datetime(6),
  `updated_at` datetime(6),
  `phone` longtext DEFAULT NULL,
  `phone_confirmed_at` datetime(6),
  `phone_change` longtext DEFAULT (''),
  `phone_change_token` varchar(255) DEFAULT '',
  `phone_change_sent_at` datetime(6),
  `confirmed_at` datetime(6) GENERATED ALWAYS AS (LEAST(COALESCE(`email_confirmed_at`, `phone_confirmed_at`), COALESCE(`phone_confirmed_at`, `email_confirmed_at`))) STORED,
  `email_change_token_current` varchar(255) DEFAULT '',
  `email_change_confirm_status` smallint DEFAULT 0,
  `banned_until` datetime(6),
  `reauthentication_token` varchar(255) DEFAULT '',
  `reauthentication_sent_at` datetime(6),
  `is_sso_user` tinyint(1) NOT NULL DEFAULT 0 COMMENT 'Auth: Set this column to true when the account comes from SSO. These accounts can have duplicate emails.',
  `deleted_at` datetime(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `users_phone_key` (`phone`),
  KEY `users_instance_id_idx` (`instance_id`),
  CONSTRAINT `users_email_change_confirm_status_check` CHECK (((`email_change_confirm_status` >= 0) AND (`email_change_confirm_status` <= 2)))
) COMMENT='Auth: Stores user login data within a secure schema.';

CREATE TABLE `Lists` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) DEFAULT (UTC_TIMESTAMP(6)),
  `user_id` longtext,
  `item_name` longtext,
  `found` tinyint(1) DEFAULT 0,
  `order` longtext,
  `batch_completed` tinyint(1),
  `image` longtext,
  PRIMARY KEY (`id`)
);

CREATE TABLE `Signups` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) DEFAULT (UTC_TIMESTAMP(6)),
  `user_id` longtext,
  `email` longtext,
  `username` longtext,
  `time_taken` longtext,
  `objects_identified` bigint,
  PRIMARY KEY (`id`)
);

