/**
 * The Bot API port: the only module that touches the Telegram client library. Owns the
 * durable inbox (webhook and long polling), the durable outbox and its sender, signed callback
 * data, and the typed events every other module reacts to.
 *
 * <p>Commands, start payloads, buttons, awaited texts and contacts reach their owner through the
 * router, not as events to filter (they are still published, for listeners of every update): the module
 * that owns one declares it ({@link com.b2brics.connect.telegram.OnCommand},
 * {@link com.b2brics.connect.telegram.OnStart}, {@link com.b2brics.connect.telegram.OnButton},
 * {@link com.b2brics.connect.telegram.OnText}, {@link com.b2brics.connect.telegram.OnContact},
 * {@link com.b2brics.connect.telegram.OnGroupText}) and the router calls it alone; what nobody
 * takes, or what comes from the wrong place or person, is answered by the router. /help and the
 * command menus are generated from the same declarations ({@link com.b2brics.connect.telegram.BotCommands}).
 * The router asks the modules that own deals and admins through {@link com.b2brics.connect.telegram.DealChats}
 * and {@link com.b2brics.connect.telegram.BotAdmins}.
 */
package com.b2brics.connect.telegram;
