package com.b2brics.connect.telegram;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the method that takes a shared contact a conversation asked for:
 * {@code void on(ContactShared shared)} on a bean that is also the {@link ExpectedContact} saying
 * whether it waits for this person's contact now. Only in private chats. A contact nobody asked
 * for gets the router's answer.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnContact {
}
