package com.b2brics.connect.telegram;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the method that takes the free text a conversation waits for:
 * {@code void on(TextReceived text)} on a bean that is also the {@link ExpectedText} saying
 * whether it waits for this person's text in this chat now. The router asks every expectation
 * before anyone answers, and gives the text to the conversation that expects it alone; a text
 * in a private chat nobody expects gets the router's answer.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnText {

	/** The kind of chat it waits in: {@link Where#PRIVATE} or {@link Where#GROUP}. */
	Where value() default Where.PRIVATE;
}
