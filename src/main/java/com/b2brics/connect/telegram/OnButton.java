package com.b2brics.connect.telegram;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the method that answers presses of the inline buttons with these callback actions
 * ({@link InlineButton#callback}); {@code void on(ButtonPressed pressed)}. Forged, expired and
 * foreign presses never reach it (the router answers them); a press the method leaves unanswered
 * gets an empty answer. One owner per action.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnButton {

	/** The callback actions. */
	String[] value();
}
