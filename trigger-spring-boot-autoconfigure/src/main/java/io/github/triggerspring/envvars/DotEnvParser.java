package io.github.triggerspring.envvars;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.triggerspring.error.TriggerValidationException;

/**
 * Reads the variables of a {@code .env} file, as described on
 * {@link EnvVarUpload#fromDotEnv(String)}. Error messages name the line, never a value.
 *
 * @author trigger-spring-boot contributors
 */
final class DotEnvParser {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final String FIELD = "dotEnv";

	private final String[] lines;

	private int index;

	private DotEnvParser(String text) {
		this.lines = text.split("\r\n|\n|\r", -1);
	}

	static Map<String, String> parse(String text) {
		return new DotEnvParser(text).parse();
	}

	private Map<String, String> parse() {
		Map<String, String> variables = new LinkedHashMap<>();
		while (this.index < this.lines.length) {
			int lineNumber = this.index + 1;
			String line = this.lines[this.index++].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("export ")) {
				line = line.substring("export ".length()).stripLeading();
			}
			int equals = line.indexOf('=');
			if (equals < 0) {
				throw new TriggerValidationException(FIELD,
						"line " + lineNumber + " is not a NAME=VALUE assignment. Write it as NAME=VALUE, or start it with # to make it a comment.");
			}
			String name = line.substring(0, equals).strip();
			if (!NAME.matcher(name).matches()) {
				throw new TriggerValidationException(FIELD, "line " + lineNumber
						+ " has an invalid name. Use letters, digits and underscores, not starting with a digit.");
			}
			variables.put(name, value(line.substring(equals + 1).stripLeading(), lineNumber, name));
		}
		return variables;
	}

	private String value(String raw, int lineNumber, String name) {
		if (raw.startsWith("\"") || raw.startsWith("'")) {
			return quoted(raw, lineNumber, name);
		}
		int comment = inlineComment(raw);
		return ((comment >= 0) ? raw.substring(0, comment) : raw).strip();
	}

	private String quoted(String raw, int lineNumber, String name) {
		char quote = raw.charAt(0);
		StringBuilder value = new StringBuilder();
		String rest = raw.substring(1);
		while (true) {
			int position = 0;
			while (position < rest.length()) {
				char current = rest.charAt(position);
				if (current == quote) {
					checkAfterQuote(rest.substring(position + 1), lineNumber, name);
					return value.toString();
				}
				if (current == '\\' && quote == '"' && position + 1 < rest.length()) {
					value.append(unescape(rest.charAt(position + 1)));
					position += 2;
					continue;
				}
				value.append(current);
				position++;
			}
			if (this.index >= this.lines.length) {
				throw new TriggerValidationException(FIELD, "the value of " + name + " (line " + lineNumber
						+ ") opens a " + quote + " quote that is never closed. Close the quote.");
			}
			value.append('\n');
			rest = this.lines[this.index++];
		}
	}

	private static String unescape(char escaped) {
		return switch (escaped) {
			case 'n' -> "\n";
			case 'r' -> "\r";
			case 't' -> "\t";
			case '"', '\\' -> String.valueOf(escaped);
			default -> "\\" + escaped;
		};
	}

	private static void checkAfterQuote(String after, int lineNumber, String name) {
		String trimmed = after.strip();
		if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
			throw new TriggerValidationException(FIELD, "the value of " + name + " (line " + lineNumber
					+ ") has text after its closing quote. Put the whole value inside the quotes.");
		}
	}

	private static int inlineComment(String value) {
		for (int position = 1; position < value.length(); position++) {
			if (value.charAt(position) == '#' && Character.isWhitespace(value.charAt(position - 1))) {
				return position;
			}
		}
		return -1;
	}

}
