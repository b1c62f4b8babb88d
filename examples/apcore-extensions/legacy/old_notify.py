"""Not scanned: the ./legacy root's namespace is taken (RL028)."""


class OldNotify:
    input_schema = dict
    output_schema = dict

    def execute(self, inputs, context):
        return {}
