package com.b2brics.connect.groups;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

/**
 * Two kinds of holder for {@link GroupQueueEndToEndTests}, in the shared context (com.b2brics.connect.EndToEndTestSupport):
 * a bare setup, and the events they got.
 */
public class QueueTestHolders implements WorkingGroupHolder {

	private final String kind;
	final List<WorkingGroupAssigned> assigned = new CopyOnWriteArrayList<>();

	public QueueTestHolders(String kind) {
		this.kind = kind;
	}

	@Override
	public String kind() {
		return kind;
	}

	@Override
	public Optional<GroupSetup> setUp(long holderId) {
		return Optional.of(new GroupSetup("Queue test " + holderId, "", null, List.of()));
	}

	@Override
	public String waitingLine(long holderId, Locale locale) {
		return kind.toLowerCase(Locale.ROOT).replace('_', ' ') + " " + holderId;
	}

	@EventListener
	void on(WorkingGroupAssigned event) {
		if (event.isFor(kind)) {
			assigned.add(event);
		}
	}
}
