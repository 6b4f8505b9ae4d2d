package com.b2brics.connect.referrals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's referral figures, counted from the stored events: clicks (people, once per visitor,
 * code and UTC day), new requests, registrations and confirmed registrations, per code and in
 * total, for a day, 7 and 30 days, and per day for a chart.
 */
@Service
@Transactional(readOnly = true)
public class ReferralStatistics {

	/** Counts of one code, or all codes, over one period. */
	public record Figures(long clicks, long requests, long registrations, long confirmed) {

		/** No events. */
		public static final Figures NONE = new Figures(0, 0, 0, 0);

		Figures plus(Figures other) {
			return new Figures(clicks + other.clicks, requests + other.requests, registrations + other.registrations,
					confirmed + other.confirmed);
		}
	}

	/** The figures of one code, or of all codes together, for the day, 7 days and 30 days ending with it. */
	public record Periods(Figures today, Figures week, Figures month) {

		/** No events. */
		public static final Periods NONE = new Periods(Figures.NONE, Figures.NONE, Figures.NONE);

		Periods plus(Periods other) {
			return new Periods(today.plus(other.today), week.plus(other.week), month.plus(other.month));
		}
	}

	/** The figures of one UTC day. */
	public record Day(LocalDate day, Figures figures) {
	}

	private final ReferralEvents events;

	ReferralStatistics(ReferralEvents events) {
		this.events = events;
	}

	/** Per code of the partner, for the UTC day {@code today} and the 7 and 30 days ending with it; codes without events are left out. */
	public Map<String, Periods> perCode(long partnerId, LocalDate today) {
		Map<String, Periods> result = new TreeMap<>();
		for (ReferralEvents.Count count : events.counts(partnerId, today)) {
			Periods one = new Periods(figures(count.kind(), count.today()), figures(count.kind(), count.week()),
					figures(count.kind(), count.month()));
			result.merge(count.code(), one, Periods::plus);
		}
		return result;
	}

	/** All the partner's codes together. */
	public Periods total(long partnerId, LocalDate today) {
		return perCode(partnerId, today).values().stream().reduce(Periods.NONE, Periods::plus);
	}

	/**
	 * One entry per UTC day from {@code from} to {@code to}, both included, days without events
	 * too: for all the partner's codes, or for one of them when {@code code} is not null.
	 */
	public List<Day> daily(long partnerId, String code, LocalDate from, LocalDate to) {
		Map<LocalDate, Figures> days = new LinkedHashMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.put(day, Figures.NONE);
		}
		for (ReferralEvents.DayCount count : events.daily(partnerId, code, from, to)) {
			days.merge(count.day(), figures(count.kind(), count.count()), Figures::plus);
		}
		return days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
	}

	private static Figures figures(ReferralEvents.Kind kind, long n) {
		return switch (kind) {
			case CLICK -> new Figures(n, 0, 0, 0);
			case REQUEST -> new Figures(0, n, 0, 0);
			case REGISTRATION -> new Figures(0, 0, n, 0);
			case CONFIRMED -> new Figures(0, 0, 0, n);
		};
	}
}
