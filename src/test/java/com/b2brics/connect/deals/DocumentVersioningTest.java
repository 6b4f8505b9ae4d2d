package com.b2brics.connect.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.deals.DocumentVersioning.NewDocument;
import com.b2brics.connect.deals.DocumentVersioning.NextVersion;
import com.b2brics.connect.deals.DocumentVersioning.Posting;
import com.b2brics.connect.deals.DocumentVersioning.Repost;
import com.b2brics.connect.telegram.TelegramFiles;

/** The versioning rule of deal documents, and reading a file for its hash. */
class DocumentVersioningTest {

	private static Posting posting(long id, long message, String name, String unique, long series, int version) {
		return new Posting(id, message, DocumentVersioning.nameKey(name), unique, null, series, version, null);
	}

	private final List<Posting> recorded = List.of(
			posting(1, 100, "Contract.pdf", "u1", 1, 1),
			posting(2, 101, "price list.xlsx", "u2", 2, 1),
			posting(3, 102, "contract.PDF", "u3", 1, 2));

	@Test
	void aFileNotSeenBeforeIsANewDocument() {
		assertThat(DocumentVersioning.of("invoice.pdf", "u9", 0, recorded)).isInstanceOf(NewDocument.class);
		assertThat(DocumentVersioning.of("invoice.pdf", "u9", 0, List.of())).isInstanceOf(NewDocument.class);
	}

	@Test
	void theSameNameIgnoringCaseIsTheNextVersion() {
		assertThat(DocumentVersioning.of("CONTRACT.pdf", "u9", 0, recorded)).isEqualTo(new NextVersion(1, 3));
		assertThat(DocumentVersioning.of(" Price List.XLSX ", "u9", 0, recorded)).isEqualTo(new NextVersion(2, 2));
	}

	@Test
	void aReplyToARecordedFileIsItsNextVersionWhateverTheName() {
		assertThat(DocumentVersioning.of("prices-v2-final.xlsx", "u9", 101, recorded)).isEqualTo(new NextVersion(2, 2));
		// a reply to an older version still continues the document after its latest version
		assertThat(DocumentVersioning.of("other.pdf", "u9", 100, recorded)).isEqualTo(new NextVersion(1, 3));
		// a reply to a message that is no recorded file falls back on the name
		assertThat(DocumentVersioning.of("contract.pdf", "u9", 555, recorded)).isEqualTo(new NextVersion(1, 3));
		assertThat(DocumentVersioning.of("new.pdf", "u9", 555, recorded)).isInstanceOf(NewDocument.class);
	}

	@Test
	void theSameTelegramFileAgainIsARepostNotAVersion() {
		assertThat(DocumentVersioning.of("renamed.pdf", "u3", 0, recorded)).isEqualTo(new Repost(recorded.get(2)));
		// even as a reply to another document
		assertThat(DocumentVersioning.of("contract.pdf", "u1", 101, recorded)).isEqualTo(new Repost(recorded.get(0)));
	}

	@Test
	void repostsAreNoVersionsToCountOrMatch() {
		List<Posting> withRepost = List.of(recorded.get(0),
				new Posting(4, 103, "contract.pdf", "u7", null, 1, 1, 1L));
		assertThat(DocumentVersioning.of("contract.pdf", "u8", 0, withRepost)).isEqualTo(new NextVersion(1, 2));
		// the repost's own file id is no version: the same file again is compared with versions only
		assertThat(DocumentVersioning.of("contract.pdf", "u7", 0, withRepost)).isEqualTo(new NextVersion(1, 2));
	}

	@Test
	void theSameContentAsAnEarlierVersionIsARepostOnceHashed() {
		List<Posting> hashed = List.of(new Posting(1, 100, "a.pdf", "u1", "aa", 1, 1, null),
				new Posting(2, 101, "b.pdf", "u2", "bb", 2, 1, null));
		assertThat(DocumentVersioning.sameContent(new Posting(5, 105, "a.pdf", "u5", "aa", 1, 2, null), hashed))
			.contains(hashed.get(0));
		assertThat(DocumentVersioning.sameContent(new Posting(5, 105, "a.pdf", "u5", "cc", 1, 2, null), hashed)).isEmpty();
		// only earlier postings count: the first of two equal files stays the version
		assertThat(DocumentVersioning.sameContent(new Posting(1, 100, "a.pdf", "u1", "aa", 1, 1, null), hashed)).isEmpty();
	}

	@Test
	void longNamesAreCutToTheStoredLength() {
		assertThat(DocumentVersioning.nameKey("x".repeat(500))).hasSize(DealDocuments.MAX_NAME);
	}

	@Test
	void aFileOverTheLimitIsNotDownloadedAndTelegramsRefusalsDecide() {
		TelegramFiles never = (id, max) -> {
			throw new AssertionError("downloaded " + id);
		};
		assertThat(DocumentHashing.read(never, "f", TelegramFiles.TELEGRAM_LIMIT + 1, TelegramFiles.TELEGRAM_LIMIT))
			.isInstanceOf(DocumentHashing.TooLarge.class);
		TelegramFiles tooBig = (id, max) -> {
			throw new TelegramFiles.TooLarge("file is too big");
		};
		assertThat(DocumentHashing.read(tooBig, "f", 0, 10)).isInstanceOf(DocumentHashing.TooLarge.class);
		TelegramFiles gone = (id, max) -> {
			throw new TelegramFiles.NotFound("invalid file_id");
		};
		assertThat(DocumentHashing.read(gone, "f", 5, 10)).isInstanceOf(DocumentHashing.Gone.class);
		TelegramFiles abc = (id, max) -> "abc".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(DocumentHashing.read(abc, "f", 3, 10))
			.isEqualTo(new DocumentHashing.Hashed("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
	}
}
