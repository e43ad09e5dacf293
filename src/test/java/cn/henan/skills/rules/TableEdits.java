package cn.henan.skills.rules;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Changes a row of a decision table as a process administrator does in Camunda Modeler's table editor: the row is
 * found by what its cells say (never by an element id), a cell is given new FEEL text.
 */
public final class TableEdits {
  private final DecisionTable table;
  private final Rule rule;

  private TableEdits(DecisionTable table, Rule rule) {
    this.table = table;
    this.rule = rule;
  }

  /** The one row whose cell in the column reading {@code inputVariable} says exactly {@code entry}. */
  public static TableEdits row(DmnModelInstance model, String inputVariable, String entry) {
    DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
    int column = inputColumn(table, inputVariable);
    List<Rule> rows = table.getRules().stream()
        .filter(r -> new ArrayList<>(r.getInputEntries()).get(column).getText().getTextContent().trim().equals(entry))
        .toList();
    if (rows.size() != 1) {
      throw new IllegalArgumentException(rows.size() + " rows say " + entry + " for " + inputVariable);
    }
    return new TableEdits(table, rows.get(0));
  }

  public TableEdits input(String inputVariable, String feel) {
    InputEntry cell = new ArrayList<>(rule.getInputEntries()).get(inputColumn(table, inputVariable));
    cell.getText().setTextContent(feel);
    return this;
  }

  public TableEdits output(String outputName, String feel) {
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    int column = outputs.indexOf(outputs.stream().filter(o -> outputName.equals(o.getName())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no output " + outputName)));
    OutputEntry cell = new ArrayList<>(rule.getOutputEntries()).get(column);
    cell.getText().setTextContent(feel);
    return this;
  }

  private static int inputColumn(DecisionTable table, String inputVariable) {
    List<Input> inputs = new ArrayList<>(table.getInputs());
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).getInputExpression().getText().getTextContent().trim().equals(inputVariable)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no input " + inputVariable);
  }
}
