"""Core framework: base classes, assembler, compiler."""
