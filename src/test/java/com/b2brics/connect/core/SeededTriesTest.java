package com.b2brics.connect.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failing property names its seeds and its case, and either seed replays it. */
class SeededTriesTest {

	@AfterEach
	void noReplayLeftOver() {
		System.clearProperty("property.seed");
		System.clearProperty("property.case");
	}

	private static AssertionError failing(List<Integer> seen) {
		return catchThrowableOfType(AssertionError.class, () -> SeededTries.forAll("below a thousand", 1000,
				random -> random.nextInt(2000), n -> {
					seen.add(n);
					assertThat(n).isLessThan(1000);
				}));
	}

	@Test
	void aFailurePrintsItsSeedsAndCaseAndEitherSeedReplaysIt() {
		List<Integer> first = new ArrayList<>();
		AssertionError failure = failing(first);
		int failedCase = first.get(first.size() - 1);
		assertThat(failure.getMessage()).contains("Property 'below a thousand' failed on try " + first.size() + " of 1000")
			.contains("case: " + failedCase).contains("-Dproperty.seed=").contains("-Dproperty.case=");

		Matcher seeds = Pattern.compile("run seed (-?\\d+), case seed (-?\\d+)").matcher(failure.getMessage());
		assertThat(seeds.find()).isTrue();

		System.setProperty("property.seed", seeds.group(1));
		List<Integer> replayedRun = new ArrayList<>();
		failing(replayedRun);
		assertThat(replayedRun).isEqualTo(first);
		System.clearProperty("property.seed");

		System.setProperty("property.case", seeds.group(2));
		List<Integer> replayedCase = new ArrayList<>();
		assertThat(failing(replayedCase).getMessage()).contains("replayed case");
		assertThat(replayedCase).containsExactly(failedCase);
	}

	@Test
	void aPropertyThatHoldsRunsEveryTry() {
		List<Integer> seen = new ArrayList<>();
		SeededTries.forAll("holds", 300, random -> random.nextInt(10), seen::add);
		assertThat(seen).hasSize(300);
	}
}
