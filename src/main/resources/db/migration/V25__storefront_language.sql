-- The language of the storefront a person came from (a Contact link), used when Telegram gives
-- no language_code or one the bot does not speak; their own /language choice still wins.
ALTER TABLE bot_users ADD COLUMN storefront_language VARCHAR(8);
