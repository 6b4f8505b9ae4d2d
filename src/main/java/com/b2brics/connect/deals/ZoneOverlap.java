package com.b2brics.connect.deals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where two people's zones of responsibility overlap, so that work is not done twice: the same
 * zone chosen by both, or own words that say much the same (at least half of the shorter
 * statement's significant words in common). Pure.
 */
final class ZoneOverlap {

	/** Words shorter than this say little ("and", "of", "для"). */
	static final int SIGNIFICANT = 4;

	private ZoneOverlap() {
	}

	/** One person's stated zone: zone codes and own words (may be null). */
	record Zone(long userId, List<String> codes, String text) {
	}

	/** Two people whose zones overlap: the zone codes both chose, and whether their own words are alike. */
	record Overlap(long first, long second, List<String> sharedCodes, boolean similarText) {
	}

	static List<Overlap> of(List<Zone> zones) {
		List<Overlap> overlaps = new ArrayList<>();
		for (int i = 0; i < zones.size(); i++) {
			for (int j = i + 1; j < zones.size(); j++) {
				Zone a = zones.get(i);
				Zone b = zones.get(j);
				List<String> shared = a.codes().stream().filter(b.codes()::contains).toList();
				boolean similar = similar(a.text(), b.text());
				if (!shared.isEmpty() || similar) {
					overlaps.add(new Overlap(a.userId(), b.userId(), shared, similar));
				}
			}
		}
		return overlaps;
	}

	static boolean similar(String a, String b) {
		Set<String> wordsA = words(a);
		Set<String> wordsB = words(b);
		if (wordsA.isEmpty() || wordsB.isEmpty()) {
			return false;
		}
		long common = wordsA.stream().filter(wordsB::contains).count();
		return common * 2 >= Math.min(wordsA.size(), wordsB.size());
	}

	/** Significant words in lower case, each cut to its first 7 letters (logistic, logistics: a crude stem). */
	static Set<String> words(String text) {
		Set<String> words = new LinkedHashSet<>();
		if (text == null) {
			return words;
		}
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (word.codePointCount(0, word.length()) >= SIGNIFICANT) {
				words.add(word.length() > 7 ? word.substring(0, 7) : word);
			}
		}
		return words;
	}
}
