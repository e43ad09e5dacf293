package cn.henan.skills.deployment;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Reads an expression of a model ({@code ${taskNames.unit(execution)}}, {@code 填报 ${…} 进度月报}) with the engine's
 * own expression parser and lists the names it starts from — each identifier, and whether the expression uses it as
 * an object (a property or a method called on it) or only reads its value — and the functions it calls.
 */
final class Expressions {
  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private Expressions() {
  }

  /**
   * A name an expression starts from.
   *
   * @param member the property or method used on it ({@code null}: its value is read as it is)
   * @param arguments the number of arguments of the method called on it; -1 for a property or a plain read
   */
  record Name(String identifier, String member, int arguments) {
    boolean usedAsObject() {
      return member != null;
    }
  }

  /** The names and functions of a parsed expression, or why it does not parse. */
  record Parsed(List<Name> names, List<String> functions, String error) {
  }

  static Parsed parse(String text) {
    Tree tree;
    try {
      tree = PARSER.build(text);
    } catch (TreeBuilderException e) {
      return new Parsed(List.of(), List.of(), e.getMessage());
    }
    List<Name> names = new ArrayList<>();
    List<String> functions = new ArrayList<>();
    walk(tree.getRoot(), null, null, names, functions);
    return new Parsed(names, functions, null);
  }

  private static void walk(Node node, Node parent, Node grandParent, List<Name> names, List<String> functions) {
    if (node instanceof AstIdentifier identifier) {
      names.add(nameOf(identifier, parent, grandParent));
    } else if (node instanceof AstFunction function) {
      functions.add(function.getName());
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      walk(node.getChild(i), node, parent, names, functions);
    }
  }

  /** {@code x}, {@code x.y}, {@code x.y(a, b)}: the parser makes x the prefix of a property, that the method's. */
  private static Name nameOf(AstIdentifier identifier, Node parent, Node grandParent) {
    if (!(parent instanceof AstProperty property) || property.getChild(0) != identifier) {
      return new Name(identifier.getName(), null, -1);
    }
    String member = parent instanceof AstDot dot ? dot.toString().replaceFirst("^\\.\\s*", "") : "[]";
    int arguments = grandParent instanceof AstMethod method && method.getChild(0) == parent
        ? method.getChild(1).getCardinality() : -1;
    return new Name(identifier.getName(), member, arguments);
  }
}
