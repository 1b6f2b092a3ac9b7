CREATE TABLE `customer` (
  `customer_id` int NOT NULL AUTO_INCREMENT,
  `store_id` int NOT NULL,
  `first_name` longtext NOT NULL,
  `last_name` longtext NOT NULL,
  `email` longtext,
  `address_id` int NOT NULL,
  `activebool` tinyint(1) NOT NULL DEFAULT 1,
  `create_date` date NOT NULL DEFAULT (CURRENT_DATE),
  `last_update` datetime(6) DEFAULT (UTC_TIMESTAMP(6)),
  `active` int,
  PRIMARY KEY (`customer_id`),
  KEY `idx_fk_address_id` (`address_id`),
  KEY `idx_fk_store_id` (`store_id`),
  KEY `idx_last_name` (`last_name`(255)),
  CONSTRAINT `customer_address_id_fkey` FOREIGN KEY (`address_id`) REFERENCES `address` (`address_id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `customer_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE `actor` (
  `actor_id` int NOT NULL AUTO_INCREMENT,
  `first_name` longtext NOT NULL,
  `last_name` longtext NOT NULL,
  `last_update` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (`actor_id`),
  KEY `idx_actor_last_name` (`last_name`(255))
) AUTO_INCREMENT=201;

CREATE TABLE `category` (
  `category_id` int NOT NULL AUTO_INCREMENT,
  `name` longtext NOT NULL,
  `last_update` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (`category_id`)
) AUTO_INCREMENT=17;

CREATE TABLE `film` (
  `film_id` int NOT NULL AUTO_INCREMENT,
  `title` longtext NOT NULL,
  `description` longtext,
  `release_year` int,
  `language_id` int NOT NULL,
  `original_language_id` int,
  `rental_duration` smallint NOT NULL DEFAULT 3,
  `rental_rate` decimal(4,2) NOT NULL DEFAULT 4.99,
  `length` smallint,
  `replacement_cost` decimal(5,2) NOT NULL DEFAULT 19.99,
  `rating` enum('G','PG','PG-13','R','NC-17') DEFAULT 'G',
  `last_update` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `special_features` json,
  `fulltext` longtext NOT NULL,
  PRIMARY KEY (`film_id`),
  KEY `idx_fk_language_id` (`language_id`),
  KEY `idx_fk_original_language_id` (`original_language_id`),
  KEY `idx_title` (`title`(255)),
  CONSTRAINT `film_language_id_fkey` FOREIGN KEY (`language_id`) REFERENCES `language` (`language_id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `film_original_language_id_fkey` FOREIGN KEY (`original_language_id`) REFERENCES `language` (`language_id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `film_release_year_check` CHECK (((`release_year` >= 1901) AND (`release_year` <= 2155)))
);

CREATE TABLE `film_actor` (
  `actor_id` int NOT NULL,
  `film_id` int NOT NULL,
  `last_update` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (`actor_id`, `film_id`),
  KEY `idx_fk_film_id` (`film_id`),
  CONSTRAINT `film_actor_actor_id_fkey` FOREIGN KEY (`actor_id`) REFERENCES `actor` (`actor_id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `film_actor_film_id_fkey` FOREIGN KEY (`film_id`) REFERENCES `film` (`film_id`) ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE `film_category` (
  `film_id` int NOT NULL,
  `category_id` int NOT NULL,
  `last_update` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (`film_id`, `category_id`),
  CONSTRAINT `film_category_category_id_fkey` FOREIGN KEY (`category_id`) REFERENCES `category` (`category_id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `film_category_film_id_fkey` FOREIGN KEY (`film_id`) REFERENCES `film` (`film_id`) ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE `address` (
  `address_id` int NOT NULL AUTO_INCREMENT,
  `address` longtext NOT NULL,
  `address2` longtext,
  `district` longtext NOT NULL,
  `city_id` int NOT NULL,
  `postal_code` longtext,
  `phone` longtext NOT NULL,
  `last_update` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (`address_id`),
  KEY `idx_fk_city_id` (`city_id`),
  CONSTRAINT `address_city_id_fkey` FOREIGN KEY (`city_id`) REFERENCES `city` (`city_id`) ON DELETE RESTRICT ON UPDATE CASCADE
) AUTO_INCREMENT=606;

CREATE TABLE `city` (
  `city_id` int NOT NULL AUTO_INCREMENT,
  `city` longtext NOT NULL,
  `country_id` int NOT NULL,
  `last_update` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (`city_id`),
  KEY `idx_fk_country_id` (`country_id`),
  CONSTRAINT `city_country_id_fkey` FOREIGN KEY (`country_id`) REFERENCES `country` (`country_id`) ON DELETE RESTRICT ON UPDATE CASCADE
) AUTO_INCREMENT=601;

CREATE TABLE `country` (
  `country_id` int NOT NULL AUTO_INCREMENT,
  `country` longtext NOT NULL,
  `last_update` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (`country_id`)
);

CREATE TABLE `inventory` (
  `inventory_id` int NOT NULL AUTO_INCREMENT,
  `film_id` int NOT NULL,
  `store_id` int NOT NULL,
  `last_update` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (`inventory_id`),
  KEY `idx_store_id_film_id` (`store_id`, `film_id`),
  CONSTRAINT `inventory_film_id_fkey` FOREIGN KEY (`film_id`) REFERENCES `film` (`film_id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `inventory_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE `language` (
  `language_id` int NOT NULL AUTO_INCREMENT,
  `name` char(20) NOT NULL,
  `last_update` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (`language_id`)
);

CREATE TABLE `payment` (
  `payment_id` int NOT NULL AUTO_INCREMENT,
  `customer_id` int NOT NULL,
  `staff_id` int NOT NULL,
  `rental_id` int NOT NULL,
  `amount` decimal(5,2) NOT NULL,
  `payment_date` datetime(6) NOT NULL,
  PRIMARY KEY (`payment_date`, `payment_id`),
  KEY `idx_fk_payment_p2022_01_customer_id` (`customer_id`),
  KEY `idx_fk_payment_p2022_01_staff_id` (`staff_id`),
  KEY `payment_payment_id_ai` (`payment_id`),
  CONSTRAINT `payment_p2022_01_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customer` (`customer_id`),
  CONSTRAINT `payment_p2022_01_rental_id_fkey` FOREIGN KEY (`rental_id`) REFERENCES `rental` (`rental_id`),
  CONSTRAINT `payment_p2022_01_staff_id_fkey` FOREIGN KEY (`staff_id`) REFERENCES `staff` (`staff_id`)
);

CREATE TABLE `rental` (
  `rental_id` int NOT NULL AUTO_INCREMENT,
  `rental_date` datetime(6) NOT NULL,
  `inventory_id` int NOT NULL,
  `customer_id` int NOT NULL,
  `return_date` datetime(6),
  `staff_id` int NOT NULL,
  `last_update` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (`rental_id`),
  KEY `idx_fk_inventory_id` (`inventory_id`),
  UNIQUE KEY `idx_unq_rental_rental_date_inventory_id_customer_id` (`rental_date`, `inventory_id`, `customer_id`),
  CONSTRAINT `rental_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customer` (`customer_id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `rental_inventory_id_fkey` FOREIGN KEY (`inventory_id`) REFERENCES `inventory` (`inventory_id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `rental_staff_id_fkey` FOREIGN KEY (`staff_id`) REFERENCES `staff` (`staff_id`) ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE `staff` (
  `staff_id` int NOT NULL AUTO_INCREMENT,
  `first_name` longtext NOT NULL,
  `last_name` longtext NOT NULL,
  `address_id` int NOT NULL,
  `email` longtext,
  `store_id` int NOT NULL,
  `active` tinyint(1) NOT NULL DEFAULT 1,
  `username` longtext NOT NULL,
  `password` longtext,
  `last_update` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `picture` longblob,
  PRIMARY KEY (`staff_id`),
  CONSTRAINT `staff_address_id_fkey` FOREIGN KEY (`address_id`) REFERENCES `address` (`address_id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `staff_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`)
);

CREATE TABLE `store` (
  `store_id` int NOT NULL AUTO_INCREMENT,
  `manager_staff_id` int NOT NULL,
  `address_id` int NOT NULL,
  `last_update` datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (`store_id`),
  UNIQUE KEY `idx_unq_manager_staff_id` (`manager_staff_id`),
  CONSTRAINT `store_address_id_fkey` FOREIGN KEY (`address_id`) REFERENCES `address` (`address_id`) ON DELETE RESTRICT ON UPDATE CASCADE
);

