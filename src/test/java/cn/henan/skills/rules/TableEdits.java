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

  /**
   * The one row whose cell in the column {@code column} (an input's variable or an output's name) says exactly
   * {@code entry}.
   */
  public static TableEdits row(DmnModelInstance model, String column, String entry) {
    DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
    List<Rule> rows = table.getRules().stream().filter(r -> cell(table, r, column).equals(entry)).toList();
    if (rows.size() != 1) {
      throw new IllegalArgumentException(rows.size() + " rows say " + entry + " in " + column);
    }
    return new TableEdits(table, rows.get(0));
  }

  public TableEdits input(String inputVariable, String feel) {
    int column = inputColumn(table, inputVariable);
    if (column < 0) {
      throw new IllegalArgumentException("no input " + inputVariable);
    }
    InputEntry cell = new ArrayList<>(rule.getInputEntries()).get(column);
    cell.getText().setTextContent(feel);
    return this;
  }

  public TableEdits output(String outputName, String feel) {
    OutputEntry cell = new ArrayList<>(rule.getOutputEntries()).get(outputColumn(table, outputName));
    cell.getText().setTextContent(feel);
    return this;
  }

  private static String cell(DecisionTable table, Rule rule, String column) {
    int input = inputColumn(table, column);
    return (input >= 0 ? new ArrayList<>(rule.getInputEntries()).get(input).getText()
        : new ArrayList<>(rule.getOutputEntries()).get(outputColumn(table, column)).getText()).getTextContent().trim();
  }

  private static int inputColumn(DecisionTable table, String inputVariable) {
    List<Input> inputs = new ArrayList<>(table.getInputs());
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).getInputExpression().getText().getTextContent().trim().equals(inputVariable)) {
        return i;
      }
    }
    return -1;
  }

  private static int outputColumn(DecisionTable table, String outputName) {
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    for (int i = 0; i < outputs.size(); i++) {
      if (outputName.equals(outputs.get(i).getName())) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + outputName);
  }
}
