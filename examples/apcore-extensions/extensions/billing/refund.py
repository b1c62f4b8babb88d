# seeded: RL026 no class assigns input_schema and output_schema and defines execute
class RefundPayment:
    """Refunds a payment (work in progress: no execute yet)."""

    input_schema = dict
    output_schema = dict
