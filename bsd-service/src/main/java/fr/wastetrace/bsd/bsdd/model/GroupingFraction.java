package fr.wastetrace.bsd.bsdd.model;

/** One BSDD grouped in another, as the grouping BSDD stores it: which one, and the quantity allotted (tonnes). */
public class GroupingFraction {
    public String formId;
    public String readableId;
    public Double quantity;

    public GroupingFraction() {
    }

    public GroupingFraction(String formId, String readableId, Double quantity) {
        this.formId = formId;
        this.readableId = readableId;
        this.quantity = quantity;
    }
}
