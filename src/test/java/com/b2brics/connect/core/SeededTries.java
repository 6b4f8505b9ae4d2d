package com.b2brics.connect.core;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Property tests in plain JUnit 5: a property is checked on {@code tries} cases generated from
 * seeded random numbers, so a failing case can be replayed. Each run draws a fresh run seed
 * (or takes {@code -Dproperty.seed=<seed>}); case {@code i} is generated from its own seed,
 * derived from the run seed, so the same run seed generates the same cases in the same order.
 * A failure names the property, the try, the run seed, the case seed and the case itself;
 * {@code -Dproperty.case=<case seed>} checks that one case alone.
 */
public final class SeededTries {

	private SeededTries() {
	}

	/**
	 * Checks the property on {@code tries} generated cases and fails on the first that does not
	 * hold, telling how to replay it.
	 */
	public static <T> void forAll(String property, int tries, Function<SplittableRandom, T> generator, Consumer<T> check) {
		String onlyCase = System.getProperty("property.case");
		if (onlyCase != null && !onlyCase.isBlank()) {
			long caseSeed = Long.parseLong(onlyCase.trim());
			checkOne(property, "replayed case", Long.toString(caseSeed), caseSeed, generator, check);
			return;
		}
		String given = System.getProperty("property.seed");
		long runSeed = given != null && !given.isBlank() ? Long.parseLong(given.trim()) : new SplittableRandom().nextLong();
		SplittableRandom seeds = new SplittableRandom(runSeed);
		for (int i = 1; i <= tries; i++) {
			checkOne(property, "try " + i + " of " + tries, Long.toString(runSeed), seeds.nextLong(), generator, check);
		}
	}

	private static <T> void checkOne(String property, String which, String runSeed, long caseSeed,
			Function<SplittableRandom, T> generator, Consumer<T> check) {
		T generated = generator.apply(new SplittableRandom(caseSeed));
		try {
			check.accept(generated);
		}
		catch (AssertionError | RuntimeException failure) {
			String replay = "Property '" + property + "' failed on " + which + ": run seed " + runSeed + ", case seed "
					+ caseSeed + "\n  case: " + generated + "\n  replay the run: -Dproperty.seed=" + runSeed
					+ "\n  replay the case: -Dproperty.case=" + caseSeed;
			System.err.println(replay);
			AssertionError error = new AssertionError(replay + "\n  " + failure.getMessage(), failure);
			throw error;
		}
	}
}
