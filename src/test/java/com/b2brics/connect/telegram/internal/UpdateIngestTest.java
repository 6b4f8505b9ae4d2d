package com.b2brics.connect.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UpdateIngestTest {

	@Test
	void findsTheChatOfEachKindOfUpdate() {
		assertThat(UpdateIngest.parse("{\"update_id\":1,\"message\":{\"message_id\":5,\"chat\":{\"id\":-1001,\"type\":\"supergroup\"}}}").chatId())
			.isEqualTo(-1001);
		assertThat(UpdateIngest.parse("{\"update_id\":2,\"callback_query\":{\"id\":\"q\",\"from\":{\"id\":7},\"message\":{\"message_id\":1,\"chat\":{\"id\":7,\"type\":\"private\"}}}}").chatId())
			.isEqualTo(7);
		assertThat(UpdateIngest.parse("{\"update_id\":3,\"callback_query\":{\"id\":\"q\",\"from\":{\"id\":8}}}").chatId()).isEqualTo(8);
		assertThat(UpdateIngest.parse("{\"update_id\":4,\"chat_join_request\":{\"chat\":{\"id\":-100,\"type\":\"supergroup\"},\"from\":{\"id\":9}}}").chatId())
			.isEqualTo(-100);
		assertThat(UpdateIngest.parse("{\"update_id\":5,\"inline_query\":{\"id\":\"x\",\"from\":{\"id\":11}}}").chatId()).isEqualTo(11);
		assertThat(UpdateIngest.parse("{\"update_id\":6}").chatId()).isZero();
	}

	@Test
	void refusesWhatIsNotAnUpdate() {
		assertThatThrownBy(() -> UpdateIngest.parse("{not json")).isInstanceOf(UpdateIngest.MalformedUpdate.class);
		assertThatThrownBy(() -> UpdateIngest.parse("[1,2]")).isInstanceOf(UpdateIngest.MalformedUpdate.class);
		assertThatThrownBy(() -> UpdateIngest.parse("{\"message\":{}}")).isInstanceOf(UpdateIngest.MalformedUpdate.class);
		assertThatThrownBy(() -> UpdateIngest.parse("{\"update_id\":\"x\"}")).isInstanceOf(UpdateIngest.MalformedUpdate.class);
		assertThatThrownBy(() -> UpdateIngest.parse("")).isInstanceOf(UpdateIngest.MalformedUpdate.class);
	}

	@Test
	void refusesIdsThatAreNotIntegersWithin64Bits() {
		for (String id : new String[] { "1e30", "1.5", "1.0", "18446744073709551616", "9223372036854775808", "-1", "\"7\"",
				"true", "null", "{}" }) {
			assertThatThrownBy(() -> UpdateIngest.parse("{\"update_id\":" + id + ",\"message\":{\"message_id\":1}}"))
				.as("update_id %s", id)
				.isInstanceOf(UpdateIngest.MalformedUpdate.class);
		}
		assertThat(UpdateIngest.parse("{\"update_id\":2147483647}").updateId()).isEqualTo(Integer.MAX_VALUE);
		assertThatThrownBy(() -> UpdateIngest.parse("{\"update_id\":2147483648}")).hasMessage("update_id is out of range");
		assertThat(UpdateIngest.parse("{\"update_id\":1,\"message\":{\"message_id\":5,\"chat\":{\"id\":-1009223372036854,\"type\":\"channel\"}}}")
			.chatId()).isEqualTo(-1009223372036854L);
		String stringChat = "{\"update_id\":1,\"message\":{\"message_id\":5,\"chat\":{\"id\":\"abc\",\"type\":\"private\"}}}";
		assertThatThrownBy(() -> UpdateIngest.parse(stringChat)).isInstanceOf(UpdateIngest.MalformedUpdate.class)
			.hasMessage("chat.id is not a number");
		String numericStringChat = "{\"update_id\":1,\"message\":{\"message_id\":5,\"chat\":{\"id\":\"7\",\"type\":\"private\"}}}";
		assertThatThrownBy(() -> UpdateIngest.parse(numericStringChat)).isInstanceOf(UpdateIngest.MalformedUpdate.class);
		String fractionalUser = "{\"update_id\":1,\"message\":{\"message_id\":5,\"from\":{\"id\":7.5},\"chat\":{\"id\":7,\"type\":\"private\"}}}";
		assertThatThrownBy(() -> UpdateIngest.parse(fractionalUser)).isInstanceOf(UpdateIngest.MalformedUpdate.class);
		// a callback query's own id is a string, as Telegram sends it
		assertThat(UpdateIngest.parse("{\"update_id\":2,\"callback_query\":{\"id\":\"4382\",\"from\":{\"id\":8}}}").chatId())
			.isEqualTo(8);
	}

	@Test
	void refusesJsonThatIsNotStrict() {
		assertThatThrownBy(() -> UpdateIngest.parse("{update_id:1}")).isInstanceOf(UpdateIngest.MalformedUpdate.class);
		assertThatThrownBy(() -> UpdateIngest.parse("{\"update_id\":1} {}")).isInstanceOf(UpdateIngest.MalformedUpdate.class);
		assertThatThrownBy(() -> UpdateIngest.parse("{\"update_id\":NaN}")).isInstanceOf(UpdateIngest.MalformedUpdate.class);
		assertThatThrownBy(() -> UpdateIngest.parse("{\"update_id\":1,\"message\":{\"message_id\":1,\"text\":{\"a\":1}}}"))
			.isInstanceOf(UpdateIngest.MalformedUpdate.class);
	}

	@Test
	void comparesTheWebhookSecretExactly() {
		assertThat(WebhookController.secretMatches("s3cret", "s3cret")).isTrue();
		assertThat(WebhookController.secretMatches("s3cre", "s3cret")).isFalse();
		assertThat(WebhookController.secretMatches(null, "s3cret")).isFalse();
		assertThat(WebhookController.secretMatches("", "")).isFalse();
	}
}
