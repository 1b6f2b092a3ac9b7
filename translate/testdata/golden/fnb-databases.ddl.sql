USE `fnb_app`;

CREATE TABLE `license_pack` (
  `id` varchar(32) NOT NULL,
  `key` longtext NOT NULL,
  `name` longtext NOT NULL,
  `availability` enum('published','draft','discontinued') NOT NULL DEFAULT 'draft',
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `published_at` datetime(6),
  `discontinued_at` datetime(6),
  `type` enum('anchor','addon') NOT NULL,
  `renewal_frequency` enum('never','weekly','monthly','quarterly','yearly','expires') NOT NULL DEFAULT 'monthly',
  `expiration_interval` enum('none','minute','hour','day','week','month','quarter','year','explicit') NOT NULL DEFAULT 'none',
  `expiration_interval_multiplier` int NOT NULL DEFAULT 1,
  `explicit_expiration_date` date,
  `price` decimal(10,2) NOT NULL DEFAULT 0,
  `upgrade_config` longtext NOT NULL,
  `available_add_on_keys` json NOT NULL DEFAULT ('[]'),
  `coupon_code` longtext,
  `is_public_offering` tinyint(1),
  `application_settings` json,
  `implicit_add_on_keys` json NOT NULL DEFAULT ('[]'),
  PRIMARY KEY (`id`)
);

CREATE TABLE `license_pack_license_type` (
  `id` varchar(32) NOT NULL,
  `license_type_key` varchar(32) NOT NULL,
  `license_pack_id` varchar(32) NOT NULL,
  `license_count` int NOT NULL DEFAULT 1,
  `assign_upon_subscription` tinyint(1) NOT NULL DEFAULT 0,
  `unlimited_provision` tinyint(1) NOT NULL DEFAULT 0,
  `expiration_interval` enum('none','minute','hour','day','week','month','quarter','year','explicit') NOT NULL DEFAULT 'none',
  `expiration_interval_multiplier` int NOT NULL DEFAULT 1,
  `explicit_expiration_date` date,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_license_pack_license_type` (`license_pack_id`, `license_type_key`),
  KEY `idx_lpl_license_pack` (`license_pack_id`),
  KEY `idx_lpl_license_type` (`license_type_key`),
  CONSTRAINT `fk_lpl_license_pack` FOREIGN KEY (`license_pack_id`) REFERENCES `license_pack` (`id`),
  CONSTRAINT `fk_lpl_license_type` FOREIGN KEY (`license_type_key`) REFERENCES `license_type` (`key`)
);

CREATE TABLE `app_tenant` (
  `id` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `name` longtext NOT NULL,
  `identifier` longtext,
  `organization_id` varchar(32),
  `registration_identifier` longtext NOT NULL,
  `registration_complete` tinyint(1) NOT NULL DEFAULT 0,
  `settings` json NOT NULL DEFAULT ('{}'),
  `type` enum('anchor','customer','subsidiary','test','demo','tutorial','pending') NOT NULL DEFAULT 'customer',
  `parent_app_tenant_id` varchar(32),
  `anchor_subscription_id` varchar(32),
  `billing_topic_id` varchar(255),
  PRIMARY KEY (`id`),
  UNIQUE KEY `app_tenant_identifier_key` (`identifier`),
  UNIQUE KEY `uq_app_tenant_organization` (`organization_id`),
  KEY `idx_app_tenant_anchor_subscription` (`anchor_subscription_id`),
  KEY `idx_app_tenant_billing_topic` (`billing_topic_id`),
  KEY `idx_app_tenant_parent` (`parent_app_tenant_id`),
  CONSTRAINT `fk_app_tenant_anchor_subscription` FOREIGN KEY (`anchor_subscription_id`) REFERENCES `app_tenant_subscription` (`id`),
  CONSTRAINT `fk_app_tenant_organization` FOREIGN KEY (`organization_id`) REFERENCES `organization` (`id`),
  CONSTRAINT `fk_app_tenant_parent` FOREIGN KEY (`parent_app_tenant_id`) REFERENCES `app_tenant` (`id`),
  CONSTRAINT `app_tenant_check` CHECK (((`type` = 'anchor') OR (`parent_app_tenant_id` IS NOT NULL)))
);

CREATE TABLE `app_user` (
  `id` varchar(32) NOT NULL,
  `app_tenant_id` varchar(32) NOT NULL,
  `ext_auth_id` longtext,
  `ext_crm_id` longtext,
  `contact_id` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `username` longtext NOT NULL,
  `recovery_email` longtext NOT NULL,
  `inactive` tinyint(1) NOT NULL DEFAULT 0,
  `password_reset_required` tinyint(1) NOT NULL DEFAULT 0,
  `permission_key` enum('Admin','SuperAdmin','Demon','Tenant','Support','Demo','User') NOT NULL,
  `is_support` tinyint(1) NOT NULL DEFAULT 0,
  `preferred_timezone` longtext NOT NULL DEFAULT ('PST8PDT'),
  `settings` json NOT NULL DEFAULT ('{}'),
  `ext_auth_blocked` tinyint(1) NOT NULL DEFAULT 0,
  `language_id` varchar(16) NOT NULL DEFAULT 'en',
  PRIMARY KEY (`id`),
  UNIQUE KEY `app_user_username_key` (`username`),
  UNIQUE KEY `uq_app_user_contact` (`contact_id`),
  UNIQUE KEY `uq_app_user_tenant_recovery_email` (`app_tenant_id`, `recovery_email`),
  KEY `idx_app_user_app_tenant` (`app_tenant_id`),
  CONSTRAINT `fk_app_user_app_tenant` FOREIGN KEY (`app_tenant_id`) REFERENCES `app_tenant` (`id`),
  CONSTRAINT `fk_app_user_contact` FOREIGN KEY (`contact_id`) REFERENCES `contact` (`id`),
  CONSTRAINT `fk_app_user_language` FOREIGN KEY (`language_id`) REFERENCES `supported_language` (`id`)
);

CREATE TABLE `app_tenant_subscription` (
  `id` varchar(32) NOT NULL,
  `created_date` date NOT NULL DEFAULT (CURRENT_DATE),
  `expiration_date` date,
  `renewal_behavior` enum('renew','expire','ask_admin') NOT NULL DEFAULT 'ask_admin',
  `is_anchor_subscription` tinyint(1) NOT NULL DEFAULT 1,
  `inactive` tinyint(1) NOT NULL DEFAULT 0,
  `app_tenant_id` varchar(32) NOT NULL,
  `license_pack_id` varchar(32) NOT NULL,
  `payment_processor_info` json NOT NULL DEFAULT ('{}'),
  `parent_app_tenant_subscription_id` varchar(32),
  PRIMARY KEY (`id`),
  KEY `idx_app_app_tenant_subscription_parent_app_tenant_subscription_` (`parent_app_tenant_subscription_id`),
  KEY `idx_app_tenant_subscription_subcription` (`license_pack_id`),
  KEY `idx_app_tenant_subscription_tenant` (`app_tenant_id`),
  CONSTRAINT `fk_app_tenant_subscription_license_pack` FOREIGN KEY (`license_pack_id`) REFERENCES `license_pack` (`id`),
  CONSTRAINT `fk_app_tenant_subscription_parent` FOREIGN KEY (`parent_app_tenant_subscription_id`) REFERENCES `app_tenant_subscription` (`id`),
  CONSTRAINT `fk_app_tenant_subscription_tenant` FOREIGN KEY (`app_tenant_id`) REFERENCES `app_tenant` (`id`)
);

CREATE TABLE `license` (
  `id` varchar(32) NOT NULL,
  `app_tenant_id` varchar(32) NOT NULL,
  `subscription_id` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `external_id` longtext,
  `name` longtext,
  `license_type_key` varchar(32) NOT NULL,
  `assigned_to_app_user_id` varchar(32),
  `inactive` tinyint(1) NOT NULL DEFAULT 0,
  `expiration_date` date,
  `status` enum('active','inactive','expired','void') NOT NULL,
  `status_reason` enum('initial','adjustment','account_deletion','consolidation','subscription_deactivation') NOT NULL DEFAULT 'initial',
  `comment` longtext,
  PRIMARY KEY (`id`),
  KEY `idx_license_app_tenant` (`app_tenant_id`),
  KEY `idx_license_app_user` (`assigned_to_app_user_id`),
  KEY `idx_license_license_type` (`license_type_key`),
  KEY `idx_license_subscription` (`subscription_id`),
  CONSTRAINT `fk_license_app_tenant` FOREIGN KEY (`app_tenant_id`) REFERENCES `app_tenant` (`id`),
  CONSTRAINT `fk_license_assigned_to_app_user` FOREIGN KEY (`assigned_to_app_user_id`) REFERENCES `app_user` (`id`),
  CONSTRAINT `fk_license_license_type` FOREIGN KEY (`license_type_key`) REFERENCES `license_type` (`key`),
  CONSTRAINT `fk_license_subscription` FOREIGN KEY (`subscription_id`) REFERENCES `app_tenant_subscription` (`id`)
);

CREATE TABLE `contact` (
  `id` varchar(32) NOT NULL,
  `app_tenant_id` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `status` enum('active','inactive') NOT NULL DEFAULT 'active',
  `type` enum('individual','group') NOT NULL DEFAULT 'individual',
  `organization_id` varchar(32),
  `location_id` varchar(255),
  `external_id` longtext,
  `first_name` longtext,
  `last_name` longtext,
  `email` longtext,
  `cell_phone` longtext,
  `office_phone` longtext,
  `title` longtext,
  `nickname` longtext,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_contact_app_tenant_and_email` (`app_tenant_id`, `email`),
  UNIQUE KEY `uq_contact_app_tenant_and_external_id` (`app_tenant_id`, `external_id`),
  KEY `idx_contact_app_tenant` (`app_tenant_id`),
  KEY `idx_contact_location` (`location_id`),
  KEY `idx_contact_organization` (`organization_id`),
  CONSTRAINT `fk_contact_app_tenant` FOREIGN KEY (`app_tenant_id`) REFERENCES `app_tenant` (`id`),
  CONSTRAINT `fk_contact_location` FOREIGN KEY (`location_id`) REFERENCES `location` (`id`),
  CONSTRAINT `fk_contact_organization` FOREIGN KEY (`organization_id`) REFERENCES `organization` (`id`)
);

USE `fnb_msg`;

CREATE TABLE `subscription` (
  `id` varchar(255) NOT NULL,
  `app_tenant_id` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `status` enum('active','inactive','blocked') NOT NULL DEFAULT 'active',
  `topic_id` varchar(255) NOT NULL,
  `subscriber_contact_id` varchar(32) NOT NULL,
  `last_read` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_subscription` (`topic_id`, `subscriber_contact_id`),
  KEY `idx_subscription_app_tenant_id` (`app_tenant_id`),
  KEY `idx_subscription_subscriber_contact_id` (`subscriber_contact_id`),
  CONSTRAINT `fk_subscription_topic` FOREIGN KEY (`topic_id`) REFERENCES `topic` (`id`)
);

CREATE TABLE `message` (
  `id` varchar(255) NOT NULL,
  `app_tenant_id` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `status` enum('draft','sent','deleted') NOT NULL DEFAULT 'sent',
  `topic_id` varchar(255) NOT NULL,
  `content` longtext NOT NULL,
  `posted_by_contact_id` varchar(32) NOT NULL,
  `tags` json NOT NULL DEFAULT ('[]'),
  `acknowledged_at` datetime(6),
  PRIMARY KEY (`id`),
  KEY `idx_message_app_tenant_id` (`app_tenant_id`),
  KEY `idx_message_posted_by_contact_id` (`posted_by_contact_id`),
  KEY `idx_msg_message_topic` (`topic_id`),
  CONSTRAINT `fk_message_topic` FOREIGN KEY (`topic_id`) REFERENCES `topic` (`id`)
);

CREATE TABLE `topic` (
  `id` varchar(255) NOT NULL,
  `app_tenant_id` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `name` longtext NOT NULL,
  `identifier` longtext,
  PRIMARY KEY (`id`),
  KEY `idx_topic_app_tenant` (`app_tenant_id`(255)),
  UNIQUE KEY `idx_topic_app_tenant_identifier` (`app_tenant_id`, `identifier`)
);

USE `fnb_app`;

CREATE TABLE `app_exception` (
  `err_code` varchar(255) NOT NULL,
  `description` longtext,
  `svr_message_mask` longtext,
  `ui_message_mask` longtext,
  PRIMARY KEY (`err_code`),
  CONSTRAINT `app_exception_err_code_check` CHECK ((`err_code` <> ''))
);

CREATE TABLE `app_route` (
  `id` varchar(255) NOT NULL,
  `name` varchar(255) NOT NULL,
  `application_key` varchar(16) NOT NULL,
  `permission_key` longtext,
  `description` longtext,
  `path` longtext NOT NULL,
  `menu_behavior` enum('none','module','navbar') NOT NULL DEFAULT 'none',
  `menu_parent_name` varchar(255),
  `menu_ordinal` int,
  PRIMARY KEY (`id`),
  UNIQUE KEY `app_route_name_key` (`name`),
  UNIQUE KEY `uq_app_route` (`application_key`, `name`),
  KEY `idx_app_route_application_key` (`application_key`),
  KEY `idx_app_route_menu_parent` (`menu_parent_name`),
  CONSTRAINT `fk_app_route_application` FOREIGN KEY (`application_key`) REFERENCES `application` (`key`),
  CONSTRAINT `fk_app_route_menu_parent` FOREIGN KEY (`menu_parent_name`) REFERENCES `app_route` (`name`)
);

CREATE TABLE `app_tenant_group` (
  `id` varchar(255) NOT NULL,
  `name` longtext NOT NULL,
  `support_email` longtext NOT NULL DEFAULT ('help@ourvisualbrain.com'),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_app_tenant_group` (`name`)
);

CREATE TABLE `app_tenant_group_admin` (
  `id` varchar(255) NOT NULL,
  `app_tenant_group_id` varchar(255) NOT NULL,
  `app_user_id` varchar(32) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_app_tenant_group_admin` (`app_tenant_group_id`, `app_user_id`),
  CONSTRAINT `fk_app_tenant_group_admin_app_user` FOREIGN KEY (`app_user_id`) REFERENCES `app_user` (`id`),
  CONSTRAINT `fk_app_tenant_group_admin_group` FOREIGN KEY (`app_tenant_group_id`) REFERENCES `app_tenant_group` (`id`)
);

CREATE TABLE `app_tenant_group_member` (
  `id` varchar(255) NOT NULL,
  `app_tenant_group_id` varchar(255) NOT NULL,
  `app_tenant_id` varchar(32) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_app_tenant_group_member` (`app_tenant_group_id`, `app_tenant_id`),
  CONSTRAINT `fk_app_tenant_group_member_app_tenant` FOREIGN KEY (`app_tenant_id`) REFERENCES `app_tenant` (`id`),
  CONSTRAINT `fk_app_tenant_group_member_group` FOREIGN KEY (`app_tenant_group_id`) REFERENCES `app_tenant_group` (`id`)
);

CREATE TABLE `application` (
  `key` varchar(16) NOT NULL,
  `name` longtext,
  `setting_configs` json,
  PRIMARY KEY (`key`)
);

CREATE TABLE `error_report` (
  `id` varchar(255) NOT NULL,
  `first_reported_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `last_reported_at` datetime(6) NOT NULL,
  `observed_count` int,
  `message` longtext,
  `comment` longtext,
  `reported_by_app_user_id` varchar(32),
  `reported_as_app_user_id` varchar(32),
  `operation_name` longtext NOT NULL,
  `variables` json NOT NULL,
  `status` enum('captured','working','addressed') NOT NULL DEFAULT 'captured',
  PRIMARY KEY (`id`),
  KEY `idx_app_error_report_reported_as_app_user_id` (`reported_as_app_user_id`),
  KEY `idx_app_error_report_reported_by_app_user_id` (`reported_by_app_user_id`),
  CONSTRAINT `fk_error_report_reported_as_app_user` FOREIGN KEY (`reported_as_app_user_id`) REFERENCES `app_user` (`id`),
  CONSTRAINT `fk_error_report_reported_by_app_user` FOREIGN KEY (`reported_by_app_user_id`) REFERENCES `app_user` (`id`)
);

CREATE TABLE `eula` (
  `id` varchar(255) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `updated_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `is_inactive` tinyint(1) NOT NULL DEFAULT 0,
  `deactivated_at` datetime(6),
  `content` longtext NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `eula_check` CHECK (((`is_inactive` = FALSE) OR (`deactivated_at` IS NOT NULL)))
);

CREATE TABLE `facility` (
  `id` varchar(255) NOT NULL,
  `app_tenant_id` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `organization_id` varchar(32),
  `location_id` varchar(255),
  `name` longtext,
  `external_id` longtext,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_facility_app_tenant_and_organization_and_name` (`organization_id`, `name`),
  KEY `idx_facility_app_tenant` (`app_tenant_id`),
  KEY `idx_facility_location` (`location_id`),
  KEY `idx_facility_organization` (`organization_id`),
  CONSTRAINT `fk_facility_app_tenant` FOREIGN KEY (`app_tenant_id`) REFERENCES `app_tenant` (`id`),
  CONSTRAINT `fk_facility_location` FOREIGN KEY (`location_id`) REFERENCES `location` (`id`),
  CONSTRAINT `fk_facility_organization` FOREIGN KEY (`organization_id`) REFERENCES `organization` (`id`)
);

CREATE TABLE `license_permission` (
  `id` varchar(32) NOT NULL,
  `app_tenant_id` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `license_id` varchar(32) NOT NULL,
  `permission_key` varchar(32) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_license_permission` (`license_id`, `permission_key`),
  KEY `idx_license_permission_app_tenant` (`app_tenant_id`),
  KEY `idx_license_permission_permission_key` (`permission_key`),
  CONSTRAINT `fk_license_permission_app_tenant` FOREIGN KEY (`app_tenant_id`) REFERENCES `app_tenant` (`id`),
  CONSTRAINT `fk_license_permission_license` FOREIGN KEY (`license_id`) REFERENCES `license` (`id`),
  CONSTRAINT `fk_license_permission_permission` FOREIGN KEY (`permission_key`) REFERENCES `permission` (`key`)
);

CREATE TABLE `license_type` (
  `key` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `external_id` longtext,
  `name` longtext,
  `application_key` varchar(16) NOT NULL,
  `permission_key` enum('Admin','SuperAdmin','Demon','Tenant','Support','Demo','User') NOT NULL DEFAULT 'User',
  `sync_user_on_assignment` tinyint(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (`key`),
  UNIQUE KEY `uq_license_type` (`application_key`, `key`),
  CONSTRAINT `fk_license_type_application` FOREIGN KEY (`application_key`) REFERENCES `application` (`key`)
);

CREATE TABLE `license_type_permission` (
  `id` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `license_type_key` varchar(32) NOT NULL,
  `permission_key` varchar(32) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_license_type_permission` (`license_type_key`, `permission_key`),
  KEY `idx_license_type_permission_permission_key` (`permission_key`),
  CONSTRAINT `fk_license_type_permission_license_type` FOREIGN KEY (`license_type_key`) REFERENCES `license_type` (`key`),
  CONSTRAINT `fk_license_type_permission_permission` FOREIGN KEY (`permission_key`) REFERENCES `permission` (`key`)
);

CREATE TABLE `location` (
  `id` varchar(255) NOT NULL,
  `app_tenant_id` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `external_id` longtext,
  `name` longtext,
  `address1` longtext,
  `address2` longtext,
  `city` longtext,
  `state` longtext,
  `zip` longtext,
  `lat` longtext,
  `lon` longtext,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_location_app_tenant_and_external_id` (`app_tenant_id`, `external_id`),
  KEY `idx_location_app_tenant` (`app_tenant_id`),
  CONSTRAINT `fk_location_app_tenant` FOREIGN KEY (`app_tenant_id`) REFERENCES `app_tenant` (`id`)
);

CREATE TABLE `module` (
  `id` varchar(255) NOT NULL,
  `application_key` varchar(16) NOT NULL,
  `name` longtext NOT NULL,
  `route_name` longtext NOT NULL,
  `permission_key` varchar(32) NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_module_application` FOREIGN KEY (`application_key`) REFERENCES `application` (`key`),
  CONSTRAINT `fk_module_permission_key` FOREIGN KEY (`permission_key`) REFERENCES `permission` (`key`)
);

CREATE TABLE `note` (
  `id` varchar(255) NOT NULL,
  `app_tenant_id` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `updated_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `created_by_app_user_id` varchar(32) NOT NULL,
  `content` longtext NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_note_app_tenant_id` (`app_tenant_id`),
  KEY `idx_note_created_by_app_user_id` (`created_by_app_user_id`),
  CONSTRAINT `fk_note_app_tenant` FOREIGN KEY (`app_tenant_id`) REFERENCES `app_tenant` (`id`),
  CONSTRAINT `fk_note_app_user` FOREIGN KEY (`created_by_app_user_id`) REFERENCES `app_user` (`id`)
);

CREATE TABLE `organization` (
  `id` varchar(32) NOT NULL,
  `app_tenant_id` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `external_id` longtext,
  `name` longtext NOT NULL,
  `location_id` varchar(255),
  `primary_contact_id` varchar(32),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_app_tenant_name` (`app_tenant_id`, `name`),
  KEY `idx_organization_app_tenant` (`app_tenant_id`),
  KEY `idx_organization_location` (`location_id`),
  KEY `idx_organization_primary_contact` (`primary_contact_id`),
  CONSTRAINT `fk_organization_app_tenant` FOREIGN KEY (`app_tenant_id`) REFERENCES `app_tenant` (`id`),
  CONSTRAINT `fk_organization_location` FOREIGN KEY (`location_id`) REFERENCES `location` (`id`),
  CONSTRAINT `fk_organization_primary_contact` FOREIGN KEY (`primary_contact_id`) REFERENCES `contact` (`id`),
  CONSTRAINT `organization_name_check` CHECK ((`name` <> ''))
);

CREATE TABLE `permission` (
  `key` varchar(32) NOT NULL,
  PRIMARY KEY (`key`)
);

CREATE TABLE `registration` (
  `id` varchar(255) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (CAST(CURRENT_TIMESTAMP(6) AS DATE)),
  `expires_at` datetime(6) NOT NULL DEFAULT (CAST(CURRENT_TIMESTAMP(6) AS DATE) + INTERVAL 86400 SECOND),
  `registered_at` datetime(6),
  `canceled_at` datetime(6),
  `company_name` longtext NOT NULL,
  `email` longtext NOT NULL,
  `first_name` longtext NOT NULL,
  `last_name` longtext NOT NULL,
  `phone` longtext NOT NULL,
  `registration_info` json NOT NULL DEFAULT ('{}'),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_registration` (`company_name`)
);

CREATE TABLE `signed_eula` (
  `id` varchar(255) NOT NULL,
  `eula_id` varchar(255) NOT NULL,
  `app_tenant_id` varchar(32) NOT NULL,
  `signed_by_app_user_id` varchar(32) NOT NULL,
  `signed_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `content` longtext NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `signed_eula_signed_by_app_user_id_eula_id_key` (`signed_by_app_user_id`, `eula_id`),
  KEY `idx_app_signed_eula_app_tenant_id` (`app_tenant_id`),
  KEY `idx_app_signed_eula_eula_id` (`eula_id`),
  CONSTRAINT `fk_signed_eula_app_tenant` FOREIGN KEY (`app_tenant_id`) REFERENCES `app_tenant` (`id`),
  CONSTRAINT `fk_signed_eula_eula` FOREIGN KEY (`eula_id`) REFERENCES `eula` (`id`),
  CONSTRAINT `fk_signed_eula_signed_by_app_user` FOREIGN KEY (`signed_by_app_user_id`) REFERENCES `app_user` (`id`)
);

CREATE TABLE `sub_module` (
  `id` varchar(255) NOT NULL,
  `module_id` varchar(255) NOT NULL,
  `name` longtext NOT NULL,
  `route_name` longtext NOT NULL,
  `permission_key` varchar(32) NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_sub_module_module` FOREIGN KEY (`module_id`) REFERENCES `module` (`id`),
  CONSTRAINT `fk_sub_module_permission_key` FOREIGN KEY (`permission_key`) REFERENCES `permission` (`key`)
);

CREATE TABLE `supported_language` (
  `id` varchar(16) NOT NULL,
  `name` longtext NOT NULL,
  `inactive` tinyint(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (`id`)
);

USE `fnb_msg`;

CREATE TABLE `email_request` (
  `id` varchar(255) NOT NULL,
  `app_tenant_id` varchar(32) NOT NULL,
  `sent_by_app_user_id` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `status` enum('requested','sent','received','error') NOT NULL DEFAULT 'sent',
  `subject` longtext,
  `content` longtext,
  `from_address` longtext,
  `to_addresses` longtext,
  `cc_addresses` longtext,
  `bcc_addresses` longtext,
  `options` longtext,
  `ext_mail_service_result` json NOT NULL DEFAULT ('{}'),
  PRIMARY KEY (`id`),
  KEY `idx_msg_email_request_app_tenant_id` (`app_tenant_id`),
  KEY `idx_msg_email_request_sent_by_app_user_id` (`sent_by_app_user_id`)
);

-- not created (foreign key across databases): app.app_tenant.fk_app_tenant_billing_topic: fnb_app.app_tenant (billing_topic_id) REFERENCES fnb_msg.topic (id)
-- not created (foreign key across databases): msg.subscription.fk_subscription_app_tenant: fnb_msg.subscription (app_tenant_id) REFERENCES fnb_app.app_tenant (id)
-- not created (foreign key across databases): msg.subscription.fk_subscription_subscriber_contact: fnb_msg.subscription (subscriber_contact_id) REFERENCES fnb_app.contact (id)
-- not created (foreign key across databases): msg.message.fk_message_app_tenant: fnb_msg.message (app_tenant_id) REFERENCES fnb_app.app_tenant (id)
-- not created (foreign key across databases): msg.message.fk_message_posted_by: fnb_msg.message (posted_by_contact_id) REFERENCES fnb_app.contact (id)
-- not created (foreign key across databases): msg.email_request.fk_email_request_app_tenant: fnb_msg.email_request (app_tenant_id) REFERENCES fnb_app.app_tenant (id)
-- not created (foreign key across databases): msg.email_request.fk_email_request_app_user: fnb_msg.email_request (sent_by_app_user_id) REFERENCES fnb_app.app_user (id)
