package com.b2brics.connect.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people type for a stage, read forgivingly and refused clearly: dates (2026-12-20,
 * 20.12.2026, 20/12/2026), prices (1200, 1 200, 1,200.50, 1200,50 with the currency before or after:
 * USD 1200, 1200 usd, $1200, 1200 €), payment models (one-off, staged, subscription, or their names
 * in the bundles), and the one-line form {@code Title | 2026-12-20 | 1200 USD | staged}. A refusal
 * is a {@link Problem} naming the field (a message key and its arguments).
 */
final class StageInput {

	/** The currencies a stage may be priced in. */
	static final List<String> CURRENCIES = List.of("USD", "EUR", "RUB", "BRL", "CNY", "INR", "EGP", "ZAR", "AED");
	/** The largest price in minor units: a billion in the currency's units. */
	static final long MAX_AMOUNT_MINOR = 100_000_000_000L;
	/** The farthest date a stage may be due: five years ahead. */
	static final int MAX_YEARS_AHEAD = 5;

	private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "₽", "RUB", "R$", "BRL", "¥", "CNY",
			"₹", "INR");
	private static final String CURRENCY_TOKEN = "(R\\$|[$€₽¥₹]|\\p{L}+)";
	private static final Pattern LEADING = Pattern.compile("^" + CURRENCY_TOKEN + "\\s*(\\d.*)$");
	private static final Pattern TRAILING = Pattern.compile("^(\\d.*?)\\s*" + CURRENCY_TOKEN + "$");
	private static final Pattern NUMBER = Pattern.compile("^\\d[\\d ',.]*$");
	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ofPattern("d/M/uuuu"));

	private StageInput() {
	}

	/** Input refused: the message key and its arguments; {@code field} is the key of the field's name, the text's first argument. */
	static final class Problem extends RuntimeException {

		private final String key;
		private final String field;
		private final transient Object[] args;

		Problem(String key, String field, Object... args) {
			super(key + " " + field, null, false, false);
			this.key = key;
			this.field = field;
			this.args = args;
		}

		String key() {
			return key;
		}

		String field() {
			return field;
		}

		Object[] args() {
			return args;
		}
	}

	record Money(long amountMinor, String currency) {
	}

	/** A date from today (of the deal's storefront) on. */
	static LocalDate date(String text, String field, LocalDate today) {
		String s = text == null ? "" : text.strip();
		for (DateTimeFormatter format : DATES) {
			try {
				LocalDate date = LocalDate.parse(s, format);
				if (date.isBefore(today)) {
					throw new Problem("stages.bad.past", field, s);
				}
				if (date.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
					throw new Problem("stages.bad.far", field, s, MAX_YEARS_AHEAD);
				}
				return date;
			}
			catch (DateTimeParseException notThisFormat) {
				// the next one
			}
		}
		throw new Problem("stages.bad.date", field, cutEcho(s));
	}

	/** A currency code of {@link #CURRENCIES} (or its symbol), any case. */
	static String currency(String text) {
		String s = text == null ? "" : text.strip();
		String code = SYMBOLS.getOrDefault(s, s.toUpperCase(Locale.ROOT));
		if (!CURRENCIES.contains(code)) {
			throw new Problem("stages.bad.currency", "stages.label.currency", cutEcho(s), String.join(", ", CURRENCIES));
		}
		return code;
	}

	/**
	 * A price: an amount, with the currency before or after it, or none ({@code currency} null) when
	 * {@code currencyNeeded} is false.
	 */
	static Money money(String text, boolean currencyNeeded) {
		String s = text == null ? "" : text.strip().replace('\u00a0', ' ').replace('\u202f', ' ');
		String currency = null;
		String number = s;
		Matcher leading = LEADING.matcher(s);
		Matcher trailing = TRAILING.matcher(s);
		if (leading.matches()) {
			currency = currency(leading.group(1));
			number = leading.group(2).strip();
		}
		else if (trailing.matches()) {
			currency = currency(trailing.group(2));
			number = trailing.group(1).strip();
		}
		if (!NUMBER.matcher(number).matches() || number.endsWith(".") || number.endsWith(",")) {
			throw new Problem("stages.bad.amount", "stages.label.price", cutEcho(s));
		}
		if (currency == null && currencyNeeded) {
			throw new Problem("stages.bad.currency.missing", "stages.label.currency", String.join(", ", CURRENCIES));
		}
		BigDecimal amount = decimal(number.replace(" ", "").replace("'", ""), s);
		int digits = Currency.getInstance(currency == null ? "USD" : currency).getDefaultFractionDigits();
		if (amount.scale() > digits) {
			throw new Problem("stages.bad.amount", "stages.label.price", cutEcho(s));
		}
		BigDecimal minor = amount.movePointRight(digits);
		if (minor.signum() <= 0 || minor.compareTo(BigDecimal.valueOf(MAX_AMOUNT_MINOR)) > 0) {
			throw new Problem("stages.bad.amount.range", "stages.label.price",
					BigDecimal.valueOf(MAX_AMOUNT_MINOR).movePointLeft(digits).toBigInteger().toString());
		}
		return new Money(minor.longValueExact(), currency);
	}

	/** 1200 · 1,200 · 1.200 · 1200.50 · 1200,50 · 1,200.50 · 1.200,50 (separators already without spaces). */
	private static BigDecimal decimal(String number, String echo) {
		int dot = number.lastIndexOf('.');
		int comma = number.lastIndexOf(',');
		String plain;
		if (dot >= 0 && comma >= 0) {
			char decimal = dot > comma ? '.' : ',';
			char grouping = dot > comma ? ',' : '.';
			plain = number.replace(String.valueOf(grouping), "").replace(decimal, '.');
			if (plain.indexOf('.') != plain.lastIndexOf('.')) {
				throw new Problem("stages.bad.amount", "stages.label.price", cutEcho(echo));
			}
		}
		else if (dot >= 0 || comma >= 0) {
			char separator = dot >= 0 ? '.' : ',';
			String[] groups = number.split(Pattern.quote(String.valueOf(separator)), -1);
			if (groups.length == 2 && groups[1].length() <= 2) {
				plain = groups[0] + "." + groups[1];
			}
			else {
				if (groups[0].isEmpty() || groups[0].length() > 3) {
					throw new Problem("stages.bad.amount", "stages.label.price", cutEcho(echo));
				}
				for (int i = 1; i < groups.length; i++) {
					if (groups[i].length() != 3) {
						throw new Problem("stages.bad.amount", "stages.label.price", cutEcho(echo));
					}
				}
				plain = String.join("", groups);
			}
		}
		else {
			plain = number;
		}
		try {
			return new BigDecimal(plain);
		}
		catch (NumberFormatException e) {
			throw new Problem("stages.bad.amount", "stages.label.price", cutEcho(echo));
		}
	}

	/** A payment model by its code or a usual word, or by a name {@code names} knows (the bundles' names in every language). */
	static Stage.PaymentModel model(String text, Function<String, Optional<Stage.PaymentModel>> names) {
		String s = text == null ? "" : text.strip();
		String word = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
		Stage.PaymentModel model = switch (word) {
			case "oneoff", "once", "onetime", "single", "fixed" -> Stage.PaymentModel.ONE_OFF;
			case "staged", "stages", "stage", "bystages", "milestones", "milestone" -> Stage.PaymentModel.STAGED;
			case "subscription", "sub", "monthly", "recurring" -> Stage.PaymentModel.SUBSCRIPTION;
			default -> names.apply(s).orElse(null);
		};
		if (model == null) {
			throw new Problem("stages.bad.model", "stages.label.model", cutEcho(s));
		}
		return model;
	}

	/** A title: not empty, at most {@link Stage#MAX_TITLE}. */
	static String title(String text) {
		String s = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		if (s.isEmpty()) {
			throw new Problem("stages.bad.empty", "stages.label.title");
		}
		if (s.length() > Stage.MAX_TITLE) {
			throw new Problem("stages.bad.long", "stages.label.title", s.length(), Stage.MAX_TITLE);
		}
		return s;
	}

	/** A free text of the field: not empty, at most {@code max}. */
	static String text(String text, String field, int max) {
		String s = text == null ? "" : text.strip();
		if (s.isEmpty()) {
			throw new Problem("stages.bad.empty", field);
		}
		if (s.length() > max) {
			throw new Problem("stages.bad.long", field, s.length(), max);
		}
		return s;
	}

	/** The one-line form, what of it was given (null for the parts left out); a part given wrong is a {@link Problem}. */
	record Line(String title, LocalDate deliveryDue, Long amountMinor, String currency, Stage.PaymentModel model) {

		boolean complete() {
			return title != null && deliveryDue != null && amountMinor != null && currency != null && model != null;
		}
	}

	/** {@code Title | 2026-12-20 | 1200 USD | staged}; with fewer parts, the rest is asked for. */
	static Line line(String args, LocalDate today, Function<String, Optional<Stage.PaymentModel>> names) {
		String[] parts = args.split("\\|", -1);
		if (parts.length > 4) {
			throw new Problem("stages.line.usage", "stages.label.title");
		}
		String title = title(parts[0]);
		LocalDate delivery = parts.length > 1 && !parts[1].isBlank() ? date(parts[1], "stages.label.delivery", today) : null;
		Money money = parts.length > 2 && !parts[2].isBlank() ? money(parts[2], parts.length == 4) : null;
		Stage.PaymentModel model = parts.length > 3 && !parts[3].isBlank() ? model(parts[3], names) : null;
		return new Line(title, delivery, money == null ? null : money.amountMinor(), money == null ? null : money.currency(), model);
	}

	/** What a refusal repeats of the input: at most 40 characters (escaped by the caller). */
	private static String cutEcho(String s) {
		return s.length() <= 40 ? s : s.substring(0, 39) + "…";
	}
}
