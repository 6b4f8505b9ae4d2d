package com.b2brics.connect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 client on a bare socket, for what {@link java.net.http.HttpClient} will not do: declare
 * a {@code Content-Length} it does not send, or stream a body (fixed or chunked) while reading the
 * answer, to see how early the server answers and how much of the body it let us send before it
 * closed the connection.
 */
public final class RawHttp {

	/**
	 * @param status the answer's status code (0: none before the connection ended)
	 * @param answeredAfter time from the first byte sent to the status line
	 * @param bytesSent body bytes written before the server closed the connection (or all of them)
	 * @param body the answer's body (as far as read)
	 */
	public record Answer(int status, Duration answeredAfter, long bytesSent, String body) {
	}

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/**
	 * POSTs to {@code path}. {@code declaredLength} ≥ 0: a {@code Content-Length} header with that
	 * value, and up to {@code streamBytes} body bytes sent ({@code prefix} first, then spaces);
	 * {@code declaredLength} &lt; 0: a chunked body of {@code streamBytes}. The body is written by a
	 * thread of its own while the answer is read, until the server closes the connection.
	 */
	public Answer post(String path, Map<String, String> headers, long declaredLength, byte[] prefix, long streamBytes)
			throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			socket.setSendBufferSize(64 * 1024);
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
			Map<String, String> all = new LinkedHashMap<>(headers);
			if (declaredLength >= 0) {
				all.put("Content-Length", Long.toString(declaredLength));
			}
			else {
				all.put("Transfer-Encoding", "chunked");
			}
			all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			head.append("\r\n");
			long start = System.nanoTime();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			AtomicLong sent = new AtomicLong();
			Thread writer = new Thread(() -> stream(out, declaredLength < 0, prefix, streamBytes, sent), "raw-http-body");
			writer.setDaemon(true);
			writer.start();
			InputStream in = socket.getInputStream();
			String statusLine = readLine(in);
			Duration answeredAfter = Duration.ofNanos(System.nanoTime() - start);
			int status = statusLine == null || statusLine.length() < 12 ? 0 : Integer.parseInt(statusLine.substring(9, 12));
			long contentLength = -1;
			for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
				if (line.toLowerCase().startsWith("content-length:")) {
					contentLength = Long.parseLong(line.substring(15).trim());
				}
			}
			String body = "";
			if (contentLength > 0) {
				body = new String(in.readNBytes((int) Math.min(contentLength, 64 * 1024)), StandardCharsets.UTF_8);
			}
			writer.join(60_000);
			return new Answer(status, answeredAfter, sent.get(), body);
		}
	}

	private static void stream(OutputStream out, boolean chunked, byte[] prefix, long total, AtomicLong sent) {
		byte[] filler = new byte[64 * 1024];
		Arrays.fill(filler, (byte) ' ');
		try {
			long left = total;
			boolean first = true;
			while (left > 0) {
				byte[] piece = first && prefix.length > 0 ? prefix : filler;
				int n = (int) Math.min(piece.length, left);
				first = false;
				if (chunked) {
					out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
				}
				out.write(piece, 0, n);
				if (chunked) {
					out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
				}
				sent.addAndGet(n);
				left -= n;
			}
			if (chunked) {
				out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			}
			out.flush();
		}
		catch (IOException closedByServer) {
			// the server refused the rest: what was sent is counted
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b >= 0; b = in.read()) {
			if (b == '\n') {
				String text = line.toString(StandardCharsets.ISO_8859_1);
				return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			}
			line.write(b);
		}
		return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
	}
}
