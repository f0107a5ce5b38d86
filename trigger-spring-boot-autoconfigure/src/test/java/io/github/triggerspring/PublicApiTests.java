package io.github.triggerspring;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.util.ClassUtils;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the public surface of the module deliberate: every public type of an API package
 * is listed here, no API type lets an {@code internal} type through its public or
 * protected members (except the constructors listed here), and the other modules of the
 * project import {@code internal} packages only where listed here.
 *
 * @author trigger-spring-boot contributors
 */
class PublicApiTests {

	private static final String BASE = "io.github.triggerspring";

	private static final String INTERNAL = BASE + ".internal";

	/** The public top-level types of each API package. */
	private static final Map<String, Set<String>> API = Map.ofEntries(
			entry(BASE, Set.of("TriggerClient", "TriggerWebClientCustomizer")),
			entry(BASE + ".auth",
					Set.of("AuthOptions", "CallAuthorization", "CredentialKind", "DefaultTriggerAuthStrategy",
							"InvalidTriggerConfigurationException", "MissingScopeException", "TriggerAuthStrategy",
							"TriggerCredentials", "TriggerEndpoint", "TriggerEnvironment",
							"UnsupportedCredentialException")),
			entry(BASE + ".autoconfigure",
					Set.of("TriggerAutoConfiguration", "TriggerConnectionDetails", "TriggerProperties")),
			entry(BASE + ".autoconfigure.health",
					Set.of("TriggerHealthProperties", "TriggerReactiveHealthContributorAutoConfiguration")),
			entry(BASE + ".autoconfigure.webhooks",
					Set.of("TriggerWebhooksAutoConfiguration", "TriggerWebhooksProperties")),
			entry(BASE + ".deployments",
					Set.of("Deployment", "DeploymentStatus", "DeploymentsClient", "ListDeploymentsRequest",
							"PromotedDeployment")),
			entry(BASE + ".envvars",
					Set.of("CreateEnvVarRequest", "EnvVar", "EnvVarTarget", "EnvVarUpload", "EnvVarsClient")),
			entry(BASE + ".error",
					Set.of("TriggerApiException", "TriggerAuthenticationException", "TriggerBadRequestException",
							"TriggerConflictException", "TriggerConnectionException", "TriggerEngineVersionException",
							"TriggerException", "TriggerLocalException", "TriggerNotFoundException",
							"TriggerPayloadTooLargeException", "TriggerPermissionDeniedException",
							"TriggerRateLimitException", "TriggerResponseTooLargeException",
							"TriggerScopesDeniedException", "TriggerServerException", "TriggerTimeoutException",
							"TriggerUnexpectedResponseException", "TriggerUnprocessableEntityException",
							"TriggerValidationException")),
			entry(BASE + ".health", Set.of("TriggerReactiveHealthIndicator")),
			entry(BASE + ".http", Set.of("RequestOptions", "TriggerRetryPolicy")),
			entry(BASE + ".observation",
					Set.of("DefaultTriggerObservationConvention", "TriggerObservationContext",
							"TriggerObservationConvention", "TriggerObservationDocumentation")),
			entry(BASE + ".paging", Set.of("CursorPage", "OffsetPage")),
			entry(BASE + ".queues", Set.of("Queue", "QueueRef", "QueueType", "QueuesClient")),
			entry(BASE + ".realtime", Set.of("RealtimeRun", "SubscribeOptions")),
			entry(BASE + ".runs",
					Set.of("ListRunsRequest", "MetadataOperation", "MetadataUpdate", "ReplayOptions", "Run",
							"RunStatus", "RunSummary", "RunWaitTimeoutException", "RunsClient", "WaitOptions")),
			entry(BASE + ".schedules",
					Set.of("CreateScheduleRequest", "Schedule", "ScheduleType", "SchedulesClient",
							"UpdateScheduleRequest")),
			entry(BASE + ".tasks",
					Set.of("Batch", "BatchItem", "BatchNotSealedException", "BatchOptions", "BatchResult",
							"BatchStatus", "BatchTaskItem", "BatchesClient", "IdempotencyKeyScope", "IdempotencyKeys",
							"IdempotencyKeysClient", "Machine", "TasksClient", "TriggerOptions", "TriggerResult")),
			entry(BASE + ".tokens", Set.of("PublicTokensClient", "ScopeResource", "TokenExpiration", "TokenScopes")),
			entry(BASE + ".waitpoints",
					Set.of("CreateTokenOptions", "CreatedWaitpointToken", "ListWaitpointTokensRequest",
							"RetrievedWaitpointToken", "WaitpointTimeout", "WaitpointToken", "WaitpointTokenStatus",
							"WaitpointsClient")),
			entry(BASE + ".webhooks",
					Set.of("AlertEnvironment", "AlertGit", "AlertOrganization", "AlertProject", "AlertVercel",
							"DeploymentFailedEvent", "DeploymentSucceededEvent", "ErrorAlertEvent", "RunFailedEvent",
							"TriggerWebhookEvent", "TriggerWebhookException", "TriggerWebhookReceivedEvent",
							"TriggerWebhookVerifier", "UnknownWebhookEvent")));

	/**
	 * API members that take internal types, on purpose: the constructors of the clients
	 * and of the health indicator, and the type argument of the health contributor
	 * auto-configuration's superclass. Applications obtain these objects from the
	 * auto-configuration (or from {@link TriggerClient}); the constructors are public
	 * because the auto-configuration, in another package, calls them.
	 */
	private static final Set<String> EXPOSING_INTERNAL_TYPES = Set.of(
			BASE + ".autoconfigure.health.TriggerReactiveHealthContributorAutoConfiguration",
			BASE + ".deployments.DeploymentsClient(TriggerHttpClient)",
			BASE + ".envvars.EnvVarsClient(TriggerHttpClient)",
			BASE + ".health.TriggerReactiveHealthIndicator(TriggerHttpClient, CredentialKind, Duration)",
			BASE + ".queues.QueuesClient(TriggerHttpClient)", BASE + ".runs.RunsClient(TriggerHttpClient)",
			BASE + ".schedules.SchedulesClient(TriggerHttpClient)", BASE + ".tasks.BatchesClient(TriggerHttpClient)",
			BASE + ".tasks.BatchesClient(TriggerHttpClient, TriggerRetryPolicy)",
			BASE + ".tasks.IdempotencyKeysClient(TriggerHttpClient)", BASE + ".tasks.TasksClient(TriggerHttpClient)",
			BASE + ".tasks.TasksClient(TriggerHttpClient, TriggerRetryPolicy)",
			BASE + ".tokens.PublicTokensClient(TriggerHttpClient, TriggerAuthStrategy)",
			BASE + ".waitpoints.WaitpointsClient(TriggerHttpClient)");

	/**
	 * Files of the other modules that import internal packages: end-to-end tests that
	 * build the HTTP layer themselves to control its clock, scheduler and retries, or
	 * call one endpoint that no client method calls, or compare the emulator's masking
	 * of credentials with the client's, or tell the HTTP layer's timeout checks from its
	 * waits on a scheduler; and the benchmark's plain-WebClient baseline,
	 * which sends the same version headers as the client. The main code of the
	 * emulator, the test support and the sample imports none.
	 */
	private static final Set<String> IMPORTING_INTERNAL_PACKAGES = Set.of(
			"benchmarks/src/main/java/io/github/triggerspring/benchmarks/Benchmarks.java",
			"trigger-spring-boot-test/src/test/java/io/github/triggerspring/test/EmulatorAuthenticationTests.java",
			"trigger-spring-boot-test/src/test/java/io/github/triggerspring/test/EmulatorClients.java",
			"trigger-spring-boot-test/src/test/java/io/github/triggerspring/test/LoadAndFaultTests.java",
			"trigger-spring-boot-test/src/test/java/io/github/triggerspring/test/TimeoutCheckTasks.java",
			"trigger-spring-boot-test/src/test/java/io/github/triggerspring/test/TriggerReactiveHealthIndicatorEmulatorTests.java");

	private static final Pattern INTERNAL_REFERENCE = Pattern.compile("\\b" + Pattern.quote(INTERNAL) + "\\.");

	@Test
	void everyApiPackageHoldsExactlyTheListedPublicTypes() throws Exception {
		Set<String> found = new TreeSet<>();
		for (Class<?> type : moduleClasses()) {
			if (type.getEnclosingClass() == null && Modifier.isPublic(type.getModifiers())
					&& !isInternal(type.getPackageName())) {
				found.add(type.getName());
			}
		}
		Set<String> listed = API.entrySet()
			.stream()
			.flatMap((entry) -> entry.getValue().stream().map((name) -> entry.getKey() + "." + name))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(found).containsExactlyInAnyOrderElementsOf(listed);
	}

	@Test
	void noApiTypeExposesAnInternalTypeExceptTheListedConstructors() throws Exception {
		Set<String> exposing = new TreeSet<>();
		for (Class<?> type : moduleClasses()) {
			if (isApi(type)) {
				exposing.addAll(membersExposingInternalTypes(type));
			}
		}
		assertThat(exposing).containsExactlyInAnyOrderElementsOf(EXPOSING_INTERNAL_TYPES);
	}

	@Test
	void theOtherModulesImportInternalPackagesOnlyWhereListed() throws IOException, URISyntaxException {
		Path root = moduleClassesDirectory().getParent().getParent().getParent();
		Set<String> importing = new TreeSet<>();
		for (String module : List.of("trigger-emulator", "trigger-spring-boot-test", "benchmarks",
				"samples/order-service")) {
			Path sources = root.resolve(module).resolve("src");
			assertThat(sources).as(module).isDirectory();
			try (Stream<Path> files = Files.walk(sources)) {
				for (Path file : files.filter((file) -> file.toString().endsWith(".java")).toList()) {
					if (INTERNAL_REFERENCE.matcher(Files.readString(file)).find()) {
						importing.add(root.relativize(file).toString().replace(java.io.File.separatorChar, '/'));
					}
				}
			}
		}
		assertThat(importing).containsExactlyInAnyOrderElementsOf(IMPORTING_INTERNAL_PACKAGES);
	}

	private static List<String> membersExposingInternalTypes(Class<?> type) {
		List<String> exposing = new ArrayList<>();
		List<Type> declared = new ArrayList<>();
		declared.add(type.getGenericSuperclass());
		declared.addAll(Arrays.asList(type.getGenericInterfaces()));
		if (declared.stream().anyMatch(PublicApiTests::mentionsInternalType)) {
			exposing.add(type.getName());
		}
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			if (isVisible(constructor.getModifiers()) && exposes(constructor)) {
				exposing.add(signature(type, type.getName(), constructor));
			}
		}
		for (Method method : type.getDeclaredMethods()) {
			if (isVisible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()
					&& (exposes(method) || mentionsInternalType(method.getGenericReturnType()))) {
				exposing.add(signature(type, type.getName() + "." + method.getName(), method));
			}
		}
		for (Field field : type.getDeclaredFields()) {
			if (isVisible(field.getModifiers()) && mentionsInternalType(field.getGenericType())) {
				exposing.add(type.getName() + "." + field.getName());
			}
		}
		return exposing;
	}

	private static boolean exposes(Executable executable) {
		return Stream.of(executable.getGenericParameterTypes(), executable.getGenericExceptionTypes())
			.flatMap(Arrays::stream)
			.anyMatch(PublicApiTests::mentionsInternalType);
	}

	private static String signature(Class<?> owner, String name, Executable executable) {
		return name + Arrays.stream(executable.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", ", "(", ")"));
	}

	private static boolean mentionsInternalType(Type type) {
		return mentionsInternalType(type, new HashSet<>());
	}

	private static boolean mentionsInternalType(Type type, Set<Type> seen) {
		if (type == null || !seen.add(type)) {
			return false;
		}
		if (type instanceof Class<?> type1) {
			Class<?> component = type1;
			while (component.isArray()) {
				component = component.getComponentType();
			}
			return isInternal(component.getPackageName());
		}
		if (type instanceof ParameterizedType parameterized) {
			return mentionsInternalType(parameterized.getRawType(), seen)
					|| Arrays.stream(parameterized.getActualTypeArguments())
						.anyMatch((argument) -> mentionsInternalType(argument, seen));
		}
		if (type instanceof GenericArrayType array) {
			return mentionsInternalType(array.getGenericComponentType(), seen);
		}
		if (type instanceof WildcardType wildcard) {
			return Stream.of(wildcard.getUpperBounds(), wildcard.getLowerBounds())
				.flatMap(Arrays::stream)
				.anyMatch((bound) -> mentionsInternalType(bound, seen));
		}
		if (type instanceof TypeVariable<?> variable) {
			return Arrays.stream(variable.getBounds()).anyMatch((bound) -> mentionsInternalType(bound, seen));
		}
		return false;
	}

	/**
	 * Whether a type is part of the API: public (or a protected nested type), in an API
	 * package, and, if nested, reachable from outside through public enclosing types.
	 */
	private static boolean isApi(Class<?> type) {
		if (isInternal(type.getPackageName()) || type.isSynthetic() || type.isAnonymousClass()
				|| type.isLocalClass()) {
			return false;
		}
		for (Class<?> current = type; current != null; current = current.getEnclosingClass()) {
			if (!isVisible(current.getModifiers())) {
				return false;
			}
		}
		return true;
	}

	private static boolean isVisible(int modifiers) {
		return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
	}

	private static boolean isInternal(String packageName) {
		return packageName.equals(INTERNAL) || packageName.startsWith(INTERNAL + ".");
	}

	/**
	 * Every class compiled into the module, nested ones included, found on disk.
	 */
	private static List<Class<?>> moduleClasses() throws IOException, URISyntaxException {
		Path classes = moduleClassesDirectory();
		try (Stream<Path> files = Files.walk(classes)) {
			return files.filter((file) -> file.toString().endsWith(".class"))
				.map((file) -> classes.relativize(file).toString().replace(java.io.File.separatorChar, '/'))
				.filter((path) -> !path.endsWith("package-info.class"))
				.map((path) -> ClassUtils.convertResourcePathToClassName(path.substring(0, path.length() - 6)))
				.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, PublicApiTests.class.getClassLoader()))
				.toList();
		}
	}

	private static Path moduleClassesDirectory() throws URISyntaxException {
		return Path.of(TriggerClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

}
