package com.triagedesk.mail;

import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders {@code mail/<name>_<language>.txt} (and {@code .html} where there is one).
 */
final class MailTemplates {

	private final TemplateEngine engine;

	MailTemplates(TemplateEngine engine) {
		this.engine = engine;
	}

	String text(String name, Language language, Map<String, Object> model) {
		return engine.process(name + "_" + language.tag() + ".txt", context(model)).strip() + "\n";
	}

	String html(String name, Language language, Map<String, Object> model) {
		return engine.process(name + "_" + language.tag() + ".html", context(model));
	}

	private static Context context(Map<String, Object> model) {
		Context context = new Context();
		context.setVariables(model);
		return context;
	}

}
