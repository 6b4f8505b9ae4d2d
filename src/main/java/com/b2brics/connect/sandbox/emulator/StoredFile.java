package com.b2brics.connect.sandbox.emulator;

import java.util.Map;

/** A file uploaded to the sandbox: what getFile and the file download serve. */
record StoredFile(String fileId, String fileUniqueId, String fileName, String mimeType, byte[] content,
		String filePath) {

	Map<String, Object> documentJson() {
		return Json.obj("file_name", fileName, "mime_type", mimeType, "file_id", fileId, "file_unique_id", fileUniqueId,
				"file_size", content.length);
	}
}
