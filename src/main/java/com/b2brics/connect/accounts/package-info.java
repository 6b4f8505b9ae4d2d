/**
 * People who talk to the bot: who they are, the language they chose, whether they can be
 * reached; and the bot's basics (/start, /help, /language, unknown commands).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "telegram", "core" })
package com.b2brics.connect.accounts;
