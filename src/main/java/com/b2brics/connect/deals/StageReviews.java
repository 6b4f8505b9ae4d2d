package com.b2brics.connect.deals;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review window of READY stages, looked at by a recurring check ({@code stage-review}, one
 * instance of the cluster at a time): a working day before it ends the customer side is reminded in
 * the group, and when it has passed without Accept or Request changes the stage counts as accepted
 * ({@code STAGE_ACCEPTED_BY_DEFAULT}, actor 0). Each stage in its own transaction with a conditional
 * update, so two instances, or a check run twice, change it once.
 */
@Service
class StageReviews {

	private static final Logger log = LoggerFactory.getLogger(StageReviews.class);

	private final Stages stages;
	private final StageFlow flow;
	private final DealRooms rooms;
	private final TransactionTemplate transactions;
	private final Clock clock;

	StageReviews(Stages stages, StageFlow flow, DealRooms rooms, TransactionTemplate transactions, Clock clock) {
		this.stages = stages;
		this.flow = flow;
		this.rooms = rooms;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Sends the due reminders and accepts the stages whose window passed; how many stages it changed. */
	int check() {
		Instant now = clock.instant();
		int changed = 0;
		for (long id : stages.remindersDue(now)) {
			changed += once(id, true) ? 1 : 0;
		}
		for (long id : stages.reviewsPassed(now)) {
			changed += once(id, false) ? 1 : 0;
		}
		return changed;
	}

	private boolean once(long stageId, boolean reminder) {
		try {
			return Boolean.TRUE.equals(transactions.execute(status -> {
				Optional<Stage> stage = stages.byId(stageId);
				if (stage.isEmpty()) {
					return false;
				}
				String key = stage.get().dealKey();
				Optional<DealRoom> room = stages.chatOf(key).flatMap(rooms::existing).filter(r -> r.key().equals(key));
				return reminder ? flow.remind(room, key, stageId) : flow.acceptByDefault(room, key, stageId);
			}));
		}
		catch (RuntimeException e) {
			// the others still go; this one stays due and is tried at the next check
			log.warn("Stage review check failed for stage {}", stageId, e);
			return false;
		}
	}
}
