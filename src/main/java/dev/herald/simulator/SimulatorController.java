package dev.herald.simulator;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator inside Herald: Tencent's URL shape under {@code /sim} (so a Chat app
 * whose domain is {@code http://localhost:8080/sim} talks to it) and the admin API under
 * {@code /sim/admin}. A lost response becomes a late 502 here, as a servlet cannot simply
 * drop its connection.
 */
@RestController
@ConditionalOnBooleanProperty("herald.simulator.enabled")
class SimulatorController {

	private final OfficialAccountSimulator simulator;

	private final SimulatorAdmin admin;

	SimulatorController(OfficialAccountSimulator simulator, SimulatorAdmin admin) {
		this.simulator = simulator;
		this.admin = admin;
	}

	@PostMapping("/sim/v4/" + OfficialAccountSimulator.SERVICE + "/{command}")
	ResponseEntity<byte[]> call(@PathVariable String command, @RequestParam Map<String, String> query,
			@RequestBody(required = false) byte @Nullable [] body) throws InterruptedException {
		return toEntity(this.simulator.handle(command, query, (body != null) ? body : new byte[0]));
	}

	@RequestMapping(SimulatorAdmin.PREFIX + "/**")
	ResponseEntity<byte[]> admin(HttpServletRequest request, @RequestBody(required = false) byte @Nullable [] body)
			throws InterruptedException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return toEntity(this.admin.handle(request.getMethod(), path, (body != null) ? body : new byte[0]));
	}

	private static ResponseEntity<byte[]> toEntity(SimulatorResponse response) throws InterruptedException {
		if (response.delayMillis() > 0) {
			Thread.sleep(response.delayMillis());
		}
		if (response.body().length == 0) {
			return ResponseEntity.status(response.httpStatus()).build();
		}
		return ResponseEntity.status(response.httpStatus())
			.contentType(MediaType.APPLICATION_JSON)
			.body(response.body());
	}

}
