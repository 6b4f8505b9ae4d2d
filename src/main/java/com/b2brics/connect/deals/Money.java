package com.b2brics.connect.deals;

import java.math.BigDecimal;
import java.util.Locale;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.ULocale;

/** A price in minor units written as readers of the locale write money: $1,200.50, 1 200,50 $, US$ 1.200,50, ¥1,200.00. */
final class Money {

	private Money() {
	}

	static String format(long amountMinor, String currency, Locale locale) {
		Currency icu = Currency.getInstance(currency);
		int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
		NumberFormat format = NumberFormat.getCurrencyInstance(ULocale.forLocale(locale));
		format.setCurrency(icu);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(BigDecimal.valueOf(amountMinor, digits));
	}
}
