package br.com.terceirizacs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class TerceirizaCsFlowsApplication {

    public static void main(String[] args) {
        SpringApplication.run(TerceirizaCsFlowsApplication.class, args);
    }
}
