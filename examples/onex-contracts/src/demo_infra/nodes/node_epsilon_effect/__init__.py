"""The epsilon node names its contract explicitly, but the file moved: discovery reads the sibling."""
from pathlib import Path

contract_path = Path(__file__).parent / "contracts" / "contract.yaml"
