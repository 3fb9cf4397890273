package dev.herald.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

	@GetMapping("/")
	String dashboard() {
		return "dashboard/index";
	}

}
