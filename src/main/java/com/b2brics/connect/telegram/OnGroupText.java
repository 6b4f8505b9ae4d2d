package com.b2brics.connect.telegram;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method that notes every text written in a group, as activity (an inactivity
 * countdown, a response clock): {@code void on(TextReceived text)}. It answers nothing; it is
 * called before the conversation that expects the text, if any.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnGroupText {
}
