package com.b2brics.connect.telegram;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the method that answers a bot command, as {@code @GetMapping} declares a web
 * handler: {@code @OnCommand(value = "close", where = Where.DEAL_GROUP, who = Who.DEAL_PARTNER_OR_STAFF, help = "bot.command.close")}
 * on {@code void close(CommandReceived command)} of a bean. The router calls this method alone,
 * for that command only, inside the update's transaction, and only where and for whom it is
 * declared; a command in the wrong place or by someone not allowed gets the router's answer
 * (the keys below, if given, else a generic text) and never reaches the method. /help and
 * Telegram's command menus list the command from this declaration. One owner per command.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnCommand {

	/** The command, lower case, without the slash. */
	String value();

	Where where() default Where.ANY;

	Who who() default Who.ANYONE;

	/** The message key of its one-line description in /help and the menus; empty: listed nowhere. */
	String help() default "";

	/** Its place in /help and the menus, smaller first. */
	int order() default 100;

	/** The message key answering it in the wrong kind of chat (no arguments); empty: the router's generic text. */
	String wrongPlace() default "";

	/** For {@link Where#DEAL_GROUP}: the message key answering it in a group without an open deal; empty: {@link #wrongPlace()}. */
	String noDeal() default "";

	/** The message key answering someone who may not use it; empty: the router's generic text. */
	String notAllowed() default "";
}
