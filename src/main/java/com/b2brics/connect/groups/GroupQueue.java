package com.b2brics.connect.groups;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.accounts.PlatformAdmins;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/**
 * The one queue for working groups: every holder of every kind asks here ({@link GroupPool#request})
 * and is served at once when a group is free, or waits. <b>Fairness:</b> strictly first come, first
 * served across kinds — when a group joins the pool or comes back to it, the request that arrived
 * first is served, whatever its kind (a holder asking again after it let go of its group, such as a
 * lead whose importer came back, queues at the end). Serving takes the queue's turn
 * ({@link GroupRequests#takeTurn}), so two instances never serve out of order or leave a request
 * waiting beside a free group. The served holder's group is set up as its module describes
 * ({@link WorkingGroupHolder#setUp}), then {@link WorkingGroupAssigned} is published.
 * <p>
 * A shortage (someone waits) is told to the platform admins once: one message each, edited in
 * place as more holders join the queue (the first {@value #ALERT_LINES}, longest waiting first);
 * once nobody waits, the next shortage gets a new message.
 */
@Component
class GroupQueue {

	private static final Logger log = LoggerFactory.getLogger(GroupQueue.class);

	/** Waiting holders named in the admins' alert; the rest are counted. */
	static final int ALERT_LINES = 10;

	private final GroupRequests requests;
	private final WorkingGroups groups;
	private final GroupInvites invites;
	private final ObjectProvider<WorkingGroupHolder> holders;
	private final PlatformAdmins admins;
	private final Accounts accounts;
	private final Outbox outbox;
	private final MessageSource messages;
	private final ApplicationEventPublisher events;
	private final GroupsProperties properties;
	private final Clock clock;

	GroupQueue(GroupRequests requests, WorkingGroups groups, GroupInvites invites, ObjectProvider<WorkingGroupHolder> holders,
			PlatformAdmins admins, Accounts accounts, Outbox outbox, MessageSource messages, ApplicationEventPublisher events,
			GroupsProperties properties, Clock clock) {
		this.requests = requests;
		this.groups = groups;
		this.invites = invites;
		this.holders = holders;
		this.admins = admins;
		this.accounts = accounts;
		this.outbox = outbox;
		this.messages = messages;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** In the caller's transaction: the holder's group, now or (empty) once it is its turn. */
	Optional<Long> request(GroupPool.Holder holder) {
		if (owner(holder.kind()).isEmpty()) {
			throw new IllegalArgumentException("no WorkingGroupHolder declares the kind " + holder.kind());
		}
		Optional<Long> held = groups.heldBy(holder.kind(), holder.id());
		if (held.isPresent()) {
			return held;
		}
		requests.takeTurn();
		boolean queued = requests.add(holder, clock.instant());
		serve();
		Optional<Long> served = groups.heldBy(holder.kind(), holder.id());
		// asking again while waiting keeps the place and tells the admins nothing new
		if (queued && served.isEmpty() && requests.waits(holder)) {
			log.warn("No free working group: {} {} waits ({} waiting)", holder.kind(), holder.id(), requests.count());
			alertShortage();
		}
		return served;
	}

	/** The holder no longer waits (nothing happens if it did not). */
	void cancel(GroupPool.Holder holder) {
		requests.takeTurn();
		if (requests.remove(holder) && requests.count() == 0) {
			requests.shortageOver();
		}
	}

	@EventListener
	void on(GroupRegistered registered) {
		requests.takeTurn();
		serve();
	}

	@EventListener
	void on(GroupReleased released) {
		requests.takeTurn();
		serve();
	}

	/** Serves the oldest requests while groups are free; the caller has the queue's turn. */
	private void serve() {
		while (true) {
			Optional<GroupPool.Holder> next = requests.oldest();
			if (next.isEmpty()) {
				requests.shortageOver();
				return;
			}
			if (groups.countFree() == 0) {
				return;
			}
			GroupPool.Holder holder = next.get();
			if (groups.heldBy(holder.kind(), holder.id()).isPresent()) {
				requests.remove(holder);
				continue;
			}
			Optional<GroupSetup> setup = owner(holder.kind()).flatMap(owner -> owner.setUp(holder.id()));
			if (setup.isEmpty()) {
				log.info("{} {} no longer wants a working group: its request is dropped", holder.kind(), holder.id());
				requests.remove(holder);
				continue;
			}
			Optional<Long> chat = take(holder);
			if (chat.isEmpty()) {
				return;
			}
			requests.remove(holder);
			setUp(chat.get(), setup.get());
			events.publishEvent(new WorkingGroupAssigned(holder.kind(), holder.id(), chat.get()));
			log.info("Working group {} assigned to {} {}", chat.get(), holder.kind(), holder.id());
		}
	}

	/**
	 * Takes a free group for the holder, outside the queue (atomically: two holders never get one
	 * group); the admins are told once when the pool runs low.
	 */
	Optional<Long> take(GroupPool.Holder holder) {
		Optional<Long> taken = groups.take(holder.kind(), holder.id(), clock.instant());
		if (taken.isPresent()) {
			long free = groups.countFree();
			if (free < properties.lowWaterMark() && groups.markLowAlerted()) {
				log.warn("The pool of working groups runs low: {} free", free);
				for (Long admin : admins.ids()) {
					outbox.send(OutgoingMessage.to(admin, messages.getMessage("groups.pool.low", new Object[] { free },
							accounts.localeOf(admin))).priority(Priority.HIGH));
				}
			}
		}
		return taken;
	}

	private void setUp(long chat, GroupSetup setup) {
		outbox.setChatTitle(chat, setup.title());
		outbox.setChatDescription(chat, setup.description());
		if (setup.context() != null) {
			long context = outbox.send(OutgoingMessage.to(chat, setup.context()));
			outbox.pin(chat, MessageRef.queued(context));
		}
		for (GroupSetup.PersonalLink person : setup.links()) {
			String link = invites.linkFor(chat, person.userId(), person.role());
			outbox.send(OutgoingMessage.to(person.userId(), person.text())
				.with(Keyboard.column(InlineButton.url(person.button(), link)))
				.priority(Priority.HIGH));
		}
	}

	/** One message per admin for the whole shortage, edited as the queue grows. */
	private void alertShortage() {
		long waiting = requests.count();
		List<GroupPool.Holder> first = requests.oldest(ALERT_LINES);
		Map<Long, Long> sent = requests.shortageBegins() ? Map.of() : requests.alerts();
		for (Long admin : admins.ids()) {
			String text = alert(accounts.localeOf(admin), waiting, first);
			Long earlier = sent.get(admin);
			if (earlier == null) {
				requests.alerted(admin, outbox.send(OutgoingMessage.to(admin, text).priority(Priority.HIGH)));
			}
			else {
				outbox.editText(admin, MessageRef.queued(earlier), text, null, Priority.HIGH);
			}
		}
	}

	private String alert(Locale locale, long waiting, List<GroupPool.Holder> first) {
		String lines = first.stream()
			.map(holder -> "• " + owner(holder.kind()).map(owner -> owner.waitingLine(holder.id(), locale))
				.orElse(holder.kind() + " " + holder.id()))
			.collect(Collectors.joining("\n"));
		if (waiting > first.size()) {
			lines += "\n" + messages.getMessage("groups.shortage.more", new Object[] { Long.toString(waiting - first.size()) },
					locale);
		}
		return messages.getMessage("groups.shortage", new Object[] { Long.toString(waiting), lines }, locale);
	}

	private Optional<WorkingGroupHolder> owner(String kind) {
		return holders.orderedStream().filter(holder -> holder.kind().equals(kind)).findFirst();
	}
}
