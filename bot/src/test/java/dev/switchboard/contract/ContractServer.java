package dev.switchboard.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * One real server (random port, H2 in memory, the shipped runbooks and ownership.yaml) shared by
 * the contract tests: the same annotation means the same cached Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:contracts;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.shell.interactive.enabled=false", "switchboard.catalog.runbooks=../runbooks",
		"switchboard.catalog.ownership=../ownership.yaml",
		"switchboard.api.tokens.priya-natarajan=" + ContractServer.PRIYA, "switchboard.api.local-operator=" })
@interface ContractServer {

	String PRIYA = "priya-contract-5b0e7d21";
}
