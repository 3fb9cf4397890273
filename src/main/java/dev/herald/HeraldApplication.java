package dev.herald;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Herald: plans, approves, schedules, sends, recalls and reports Official Account
 * broadcasts on Tencent Cloud Chat.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Herald", sharedModules = "shared")
public class HeraldApplication {

	public static void main(String[] args) {
		SpringApplication.run(HeraldApplication.class, args);
	}

}
