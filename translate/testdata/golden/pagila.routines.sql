-- last_updated on public.actor
CREATE TRIGGER `actor_last_updated` BEFORE UPDATE ON `actor` FOR EACH ROW BEGIN
  SET NEW.`last_update` = UTC_TIMESTAMP(6);
END;

-- last_updated on public.address
CREATE TRIGGER `address_last_updated` BEFORE UPDATE ON `address` FOR EACH ROW BEGIN
  SET NEW.`last_update` = UTC_TIMESTAMP(6);
END;

-- last_updated on public.category
CREATE TRIGGER `category_last_updated` BEFORE UPDATE ON `category` FOR EACH ROW BEGIN
  SET NEW.`last_update` = UTC_TIMESTAMP(6);
END;

-- last_updated on public.city
CREATE TRIGGER `city_last_updated` BEFORE UPDATE ON `city` FOR EACH ROW BEGIN
  SET NEW.`last_update` = UTC_TIMESTAMP(6);
END;

-- last_updated on public.country
CREATE TRIGGER `country_last_updated` BEFORE UPDATE ON `country` FOR EACH ROW BEGIN
  SET NEW.`last_update` = UTC_TIMESTAMP(6);
END;

-- last_updated on public.customer
CREATE TRIGGER `customer_last_updated` BEFORE UPDATE ON `customer` FOR EACH ROW BEGIN
  SET NEW.`last_update` = UTC_TIMESTAMP(6);
END;

-- last_updated on public.film
CREATE TRIGGER `film_last_updated` BEFORE UPDATE ON `film` FOR EACH ROW BEGIN
  SET NEW.`last_update` = UTC_TIMESTAMP(6);
END;

-- last_updated on public.film_actor
CREATE TRIGGER `film_actor_last_updated` BEFORE UPDATE ON `film_actor` FOR EACH ROW BEGIN
  SET NEW.`last_update` = UTC_TIMESTAMP(6);
END;

-- last_updated on public.film_category
CREATE TRIGGER `film_category_last_updated` BEFORE UPDATE ON `film_category` FOR EACH ROW BEGIN
  SET NEW.`last_update` = UTC_TIMESTAMP(6);
END;

-- last_updated on public.inventory
CREATE TRIGGER `inventory_last_updated` BEFORE UPDATE ON `inventory` FOR EACH ROW BEGIN
  SET NEW.`last_update` = UTC_TIMESTAMP(6);
END;

-- last_updated on public.language
CREATE TRIGGER `language_last_updated` BEFORE UPDATE ON `language` FOR EACH ROW BEGIN
  SET NEW.`last_update` = UTC_TIMESTAMP(6);
END;

-- last_updated on public.rental
CREATE TRIGGER `rental_last_updated` BEFORE UPDATE ON `rental` FOR EACH ROW BEGIN
  SET NEW.`last_update` = UTC_TIMESTAMP(6);
END;

-- last_updated on public.staff
CREATE TRIGGER `staff_last_updated` BEFORE UPDATE ON `staff` FOR EACH ROW BEGIN
  SET NEW.`last_update` = UTC_TIMESTAMP(6);
END;

-- last_updated on public.store
CREATE TRIGGER `store_last_updated` BEFORE UPDATE ON `store` FOR EACH ROW BEGIN
  SET NEW.`last_update` = UTC_TIMESTAMP(6);
END;

