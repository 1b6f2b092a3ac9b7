-- application_no_delete on app.application
CREATE TRIGGER `application_no_delete` BEFORE DELETE ON `application` FOR EACH ROW BEGIN
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'You may not delete the application!';
END;

-- tg_before_update_eula on app.eula
CREATE TRIGGER `tg_before_update_eula` BEFORE UPDATE ON `eula` FOR EACH ROW BEGIN
  IF (OLD.`content` <> NEW.`content`) THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'cannot update content of eula';
  END IF;
  IF ((NEW.`is_inactive` <> TRUE) OR (NEW.`deactivated_at` IS NULL)) THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the only update allowed for eula is deactivation';
  END IF;
END;

