package org.liudong.registry.domain;

/** A member's relation to the head of the household (与户主关系). */
public enum Relation {
    HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER
}
