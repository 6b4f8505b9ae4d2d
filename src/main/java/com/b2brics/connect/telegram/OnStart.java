package com.b2brics.connect.telegram;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the method that answers {@code /start <payload>} in a private chat for the payloads
 * it owns: those starting with {@link #prefix()}, or exactly {@link #exact()}; an exact payload
 * wins over prefixes, a longer prefix over a shorter one, and the empty prefix takes every
 * payload nobody else owns. {@code void on(CommandReceived start)}. A plain {@code /start}
 * is the {@code start} command. One owner per payload; {@link #observe()} methods are called
 * too (first), and must not answer: they count.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnStart {

	String prefix() default "";

	String exact() default "";

	/** Sees the payloads, answers nothing (a click counter); not the owner. */
	boolean observe() default false;
}
