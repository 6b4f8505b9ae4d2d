package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Paging of the partners a manager picks from by hand: whole pages, a short last one, and out-of-range pages clamped. */
class HandPickPageTest {

	private static final List<Integer> FOURTEEN = IntStream.rangeClosed(1, 14).boxed().toList();

	@Test
	void pagesCutTheListInOrderWithPreviousAndNextWhereTheyExist() {
		var first = InviteConversation.Page.of(FOURTEEN, 0, 6);
		assertThat(first.items()).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(first.previous()).isFalse();
		assertThat(first.next()).isTrue();
		var middle = InviteConversation.Page.of(FOURTEEN, 1, 6);
		assertThat(middle.items()).containsExactly(7, 8, 9, 10, 11, 12);
		assertThat(middle.previous()).isTrue();
		assertThat(middle.next()).isTrue();
		var last = InviteConversation.Page.of(FOURTEEN, 2, 6);
		assertThat(last.items()).containsExactly(13, 14);
		assertThat(last.previous()).isTrue();
		assertThat(last.next()).isFalse();
	}

	@Test
	void aPageOutOfRangeShowsTheNearestOneAndAShortListHasOnePage() {
		assertThat(InviteConversation.Page.of(FOURTEEN, 99, 6).index()).isEqualTo(2);
		assertThat(InviteConversation.Page.of(FOURTEEN, -3, 6).index()).isZero();
		var one = InviteConversation.Page.of(List.of(1, 2), 0, 6);
		assertThat(one.items()).containsExactly(1, 2);
		assertThat(one.previous()).isFalse();
		assertThat(one.next()).isFalse();
		assertThat(InviteConversation.Page.of(List.<Integer>of(), 0, 6).items()).isEmpty();
	}
}
