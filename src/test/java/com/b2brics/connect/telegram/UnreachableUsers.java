package com.b2brics.connect.telegram;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

/** Listens to {@link UserUnreachable} as another module would, so tests can see the event. */
public class UnreachableUsers {

	final List<Long> ids = new CopyOnWriteArrayList<>();

	@EventListener
	void on(UserUnreachable event) {
		ids.add(event.userId());
	}
}
