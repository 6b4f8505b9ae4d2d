package com.b2brics.connect.sandbox.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import com.b2brics.connect.sandbox.SandboxEnabledCondition;
import com.b2brics.connect.sandbox.emulator.ApiResponse;
import com.b2brics.connect.sandbox.emulator.Json;
import com.b2brics.connect.sandbox.emulator.Params;
import com.b2brics.connect.sandbox.emulator.Sandbox;

/**
 * The Bot API over HTTP, as api.telegram.org serves it: {@code /bot<token>/<method>} by GET or
 * POST, parameters in the query string, a form, a JSON body or multipart/form-data; files at
 * {@code /file/bot<token>/<file_path>}. Answers are asynchronous so long polling and injected
 * time-outs hold no server thread.
 */
@Controller
@Conditional(SandboxEnabledCondition.class)
class BotApiController {

	/** Longer than any long poll (getUpdates timeout is capped at 600 s) or injected time-out. */
	private static final long ASYNC_TIMEOUT_MS = 15 * 60 * 1000L;

	private final Sandbox sandbox;

	BotApiController(Sandbox sandbox) {
		this.sandbox = sandbox;
	}

	@RequestMapping("/bot{token}/{method}")
	@ResponseBody
	DeferredResult<ResponseEntity<String>> call(@PathVariable String token, @PathVariable String method,
			HttpServletRequest request) throws IOException {
		DeferredResult<ResponseEntity<String>> result = new DeferredResult<>(ASYNC_TIMEOUT_MS,
				() -> entity(ApiResponse.errorTimeout()));
		Params params;
		try {
			params = params(request);
		}
		catch (RuntimeException e) {
			result.setResult(entity(new ApiResponse(400,
					Json.obj("ok", false, "error_code", 400, "description", "Bad Request: can't parse JSON object"))));
			return result;
		}
		sandbox.botApi().call(token, method, params).whenComplete((response, failure) -> result.setResult(
				entity(failure == null ? response : ApiResponse.errorTimeout())));
		return result;
	}

	@RequestMapping({ "/bot{token}", "/bot{token}/" })
	@ResponseBody
	ResponseEntity<String> noMethod() {
		return entity(new ApiResponse(404, Json.obj("ok", false, "error_code", 404, "description", "Not Found")));
	}

	@GetMapping("/file/bot{token}/{*path}")
	ResponseEntity<byte[]> file(@PathVariable String token, @PathVariable String path) {
		String filePath = path.startsWith("/") ? path.substring(1) : path;
		return sandbox.download(token, filePath)
			.map(file -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(file.mimeType()))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(file.fileName() == null ? "file" : file.fileName())
							.build()
							.toString())
				.body(file.content()))
			.orElseGet(() -> ResponseEntity.status(404)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}".getBytes()));
	}

	private static Params params(HttpServletRequest request) throws IOException {
		Map<String, Object> values = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, value) -> {
			if (value.length > 0) {
				values.put(name, value[0]);
			}
		});
		String contentType = request.getContentType();
		if (contentType != null && contentType.toLowerCase().startsWith("application/json")) {
			byte[] body = request.getInputStream().readAllBytes();
			if (body.length > 0) {
				Object json = Json.read(body);
				if (!(json instanceof Map<?, ?> map)) {
					throw new IllegalArgumentException("not a JSON object");
				}
				map.forEach((name, value) -> values.put(String.valueOf(name), value));
			}
		}
		Map<String, Params.Upload> uploads = new HashMap<>();
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (multipart != null) {
			for (Map.Entry<String, MultipartFile> file : multipart.getFileMap().entrySet()) {
				MultipartFile part = file.getValue();
				uploads.put(file.getKey(),
						new Params.Upload(part.getOriginalFilename(), part.getContentType(), part.getBytes()));
			}
		}
		return new Params(values, uploads);
	}

	private static ResponseEntity<String> entity(ApiResponse response) {
		return ResponseEntity.status(response.status())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Json.write(response.body()));
	}
}
