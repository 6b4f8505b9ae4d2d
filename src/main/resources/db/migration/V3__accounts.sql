-- People who talk to the bot, keyed by their Telegram user id.
CREATE TABLE bot_users (
    telegram_id    BIGINT PRIMARY KEY,
    first_name     VARCHAR(255) NOT NULL,
    last_name      VARCHAR(255),
    username       VARCHAR(64),
    language_code  VARCHAR(16),            -- as Telegram reports it
    language       VARCHAR(8),             -- chosen with /language; NULL: follow language_code
    started_at     TIMESTAMP WITH TIME ZONE,
    last_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    unreachable_at TIMESTAMP WITH TIME ZONE  -- blocked the bot; cleared when they write again
);
