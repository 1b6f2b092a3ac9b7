CREATE TABLE `album` (
  `album_id` int NOT NULL AUTO_INCREMENT,
  `title` varchar(160) NOT NULL,
  `artist_id` int NOT NULL,
  PRIMARY KEY (`album_id`),
  KEY `album_artist_id_idx` (`artist_id`),
  CONSTRAINT `album_artist_id_fkey` FOREIGN KEY (`artist_id`) REFERENCES `artist` (`artist_id`)
) AUTO_INCREMENT=348;

CREATE TABLE `artist` (
  `artist_id` int NOT NULL AUTO_INCREMENT,
  `name` varchar(120),
  PRIMARY KEY (`artist_id`)
) AUTO_INCREMENT=276;

CREATE TABLE `customer` (
  `customer_id` int NOT NULL AUTO_INCREMENT,
  `first_name` varchar(40) NOT NULL,
  `last_name` varchar(20) NOT NULL,
  `company` varchar(80),
  `address` varchar(70),
  `city` varchar(40),
  `state` varchar(40),
  `country` varchar(40),
  `postal_code` varchar(10),
  `phone` varchar(24),
  `fax` varchar(24),
  `email` varchar(60) NOT NULL,
  `support_rep_id` int,
  PRIMARY KEY (`customer_id`),
  KEY `customer_support_rep_id_idx` (`support_rep_id`),
  CONSTRAINT `customer_support_rep_id_fkey` FOREIGN KEY (`support_rep_id`) REFERENCES `employee` (`employee_id`)
) AUTO_INCREMENT=60;

CREATE TABLE `employee` (
  `employee_id` int NOT NULL AUTO_INCREMENT,
  `last_name` varchar(20) NOT NULL,
  `first_name` varchar(20) NOT NULL,
  `title` varchar(30),
  `reports_to` int,
  `birth_date` datetime(6),
  `hire_date` datetime(6),
  `address` varchar(70),
  `city` varchar(40),
  `state` varchar(40),
  `country` varchar(40),
  `postal_code` varchar(10),
  `phone` varchar(24),
  `fax` varchar(24),
  `email` varchar(60),
  PRIMARY KEY (`employee_id`),
  KEY `employee_reports_to_idx` (`reports_to`),
  CONSTRAINT `employee_reports_to_fkey` FOREIGN KEY (`reports_to`) REFERENCES `employee` (`employee_id`)
) AUTO_INCREMENT=9;

CREATE TABLE `genre` (
  `genre_id` int NOT NULL AUTO_INCREMENT,
  `name` varchar(120),
  PRIMARY KEY (`genre_id`)
) AUTO_INCREMENT=26;

CREATE TABLE `invoice` (
  `invoice_id` int NOT NULL AUTO_INCREMENT,
  `customer_id` int NOT NULL,
  `invoice_date` datetime(6) NOT NULL,
  `billing_address` varchar(70),
  `billing_city` varchar(40),
  `billing_state` varchar(40),
  `billing_country` varchar(40),
  `billing_postal_code` varchar(10),
  `total` decimal(10,2) NOT NULL,
  PRIMARY KEY (`invoice_id`),
  KEY `invoice_customer_id_idx` (`customer_id`),
  CONSTRAINT `invoice_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customer` (`customer_id`)
) AUTO_INCREMENT=413;

CREATE TABLE `invoice_line` (
  `invoice_line_id` int NOT NULL AUTO_INCREMENT,
  `invoice_id` int NOT NULL,
  `track_id` int NOT NULL,
  `unit_price` decimal(10,2) NOT NULL,
  `quantity` int NOT NULL,
  PRIMARY KEY (`invoice_line_id`),
  KEY `invoice_line_invoice_id_idx` (`invoice_id`),
  KEY `invoice_line_track_id_idx` (`track_id`),
  CONSTRAINT `invoice_line_invoice_id_fkey` FOREIGN KEY (`invoice_id`) REFERENCES `invoice` (`invoice_id`),
  CONSTRAINT `invoice_line_track_id_fkey` FOREIGN KEY (`track_id`) REFERENCES `track` (`track_id`)
) AUTO_INCREMENT=2241;

CREATE TABLE `media_type` (
  `media_type_id` int NOT NULL AUTO_INCREMENT,
  `name` varchar(120),
  PRIMARY KEY (`media_type_id`)
) AUTO_INCREMENT=6;

CREATE TABLE `playlist` (
  `playlist_id` int NOT NULL AUTO_INCREMENT,
  `name` varchar(120),
  PRIMARY KEY (`playlist_id`)
) AUTO_INCREMENT=19;

CREATE TABLE `playlist_track` (
  `playlist_id` int NOT NULL,
  `track_id` int NOT NULL,
  PRIMARY KEY (`playlist_id`, `track_id`),
  KEY `playlist_track_playlist_id_idx` (`playlist_id`),
  KEY `playlist_track_track_id_idx` (`track_id`),
  CONSTRAINT `playlist_track_playlist_id_fkey` FOREIGN KEY (`playlist_id`) REFERENCES `playlist` (`playlist_id`),
  CONSTRAINT `playlist_track_track_id_fkey` FOREIGN KEY (`track_id`) REFERENCES `track` (`track_id`)
);

CREATE TABLE `track` (
  `track_id` int NOT NULL AUTO_INCREMENT,
  `name` varchar(200) NOT NULL,
  `album_id` int,
  `media_type_id` int NOT NULL,
  `genre_id` int,
  `composer` varchar(220),
  `milliseconds` int NOT NULL,
  `bytes` int,
  `unit_price` decimal(10,2) NOT NULL,
  PRIMARY KEY (`track_id`),
  KEY `track_album_id_idx` (`album_id`),
  KEY `track_genre_id_idx` (`genre_id`),
  KEY `track_media_type_id_idx` (`media_type_id`),
  CONSTRAINT `track_album_id_fkey` FOREIGN KEY (`album_id`) REFERENCES `album` (`album_id`),
  CONSTRAINT `track_genre_id_fkey` FOREIGN KEY (`genre_id`) REFERENCES `genre` (`genre_id`),
  CONSTRAINT `track_media_type_id_fkey` FOREIGN KEY (`media_type_id`) REFERENCES `media_type` (`media_type_id`)
) AUTO_INCREMENT=3504;

