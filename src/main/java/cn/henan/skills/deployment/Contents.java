package cn.henan.skills.deployment;

import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;

/**
 * What a deployment brings, read once: its file names, its Camunda Forms by id (and the variables their fields
 * write), its processes by key and its decisions by key, each with the file it comes from.
 *
 * @param bpmn the BPMN files that parse, by file name
 */
record Contents(Set<String> resourceNames, Map<String, String> formFiles, Set<String> formFieldKeys,
    Map<String, Document> bpmn, Map<String, String> processFiles, Map<String, String> decisionFiles) {
}
