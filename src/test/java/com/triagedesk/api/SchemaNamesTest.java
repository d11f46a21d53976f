package com.triagedesk.api;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document names each schema after its class's simple name, so two classes called
 * {@code Checklist} would silently share one schema, and a generated client would read one of
 * them wrong. Every type the API reads or writes has a name of its own.
 */
class SchemaNamesTest {

	@Test
	void noTwoTypesOfTheApiShareASchemaName() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		Map<String, Class<?>> names = new HashMap<>();
		List<String> clashes = new ArrayList<>();
		int controllers = 0;
		for (BeanDefinition candidate : scanner.findCandidateComponents("com.triagedesk")) {
			controllers++;
			Class<?> controller = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
			for (Method method : controller.getDeclaredMethods()) {
				if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
					continue;
				}
				walk(method.getGenericReturnType(), names, clashes);
				for (Parameter parameter : method.getParameters()) {
					if (parameter.isAnnotationPresent(RequestBody.class) || parameter.isAnnotationPresent(RequestPart.class)) {
						walk(parameter.getParameterizedType(), names, clashes);
					}
				}
			}
		}
		assertThat(controllers).isGreaterThanOrEqualTo(8);
		assertThat(names).containsKeys("IssueDetails", "IntakeResponse", "IssueChecklist", "RequestChecklist");
		assertThat(clashes).isEmpty();
	}

	private static void walk(Type type, Map<String, Class<?>> names, List<String> clashes) {
		if (type instanceof ParameterizedType parameterized) {
			walk(parameterized.getRawType(), names, clashes);
			for (Type argument : parameterized.getActualTypeArguments()) {
				walk(argument, names, clashes);
			}
			return;
		}
		if (type instanceof WildcardType wildcard) {
			for (Type bound : wildcard.getUpperBounds()) {
				walk(bound, names, clashes);
			}
			return;
		}
		if (type instanceof GenericArrayType array) {
			walk(array.getGenericComponentType(), names, clashes);
			return;
		}
		if (!(type instanceof Class<?> type0) || !type0.getName().startsWith("com.triagedesk.") || type0.isEnum()) {
			return;
		}
		Schema schema = type0.getAnnotation(Schema.class);
		String name = schema != null && !schema.name().isBlank() ? schema.name() : type0.getSimpleName();
		Class<?> known = names.putIfAbsent(name, type0);
		if (known != null) {
			if (known != type0) {
				clashes.add(name + ": " + known.getName() + " and " + type0.getName());
			}
			return;
		}
		if (type0.isRecord()) {
			for (RecordComponent component : type0.getRecordComponents()) {
				walk(component.getGenericType(), names, clashes);
			}
		}
	}

}
